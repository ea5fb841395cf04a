package io.worklane.models;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.stereotype.Component;

/**
 * The latest deployed version of decisions, parsed, for code that reads them at every priority step. Asking the
 * engine is a query per decision each time; the answer is kept for {@link #FRESH}. A deployment on this node is seen
 * at once: its decisions are parsed here, which forgets their keys (again once it commits, so that a read between the
 * two cannot keep the older version), and so is a deletion (the version leaves the engine's cache). A deployment on
 * another node is seen here within {@link #FRESH}.
 */
@Component
public class LatestDecisions extends AbstractProcessEnginePlugin implements DecisionTransformHook {

    static final Duration FRESH = Duration.ofSeconds(1);

    private final Map<String, Read> known = new ConcurrentHashMap<>();
    /** Counts the decisions parsed here and their commits. */
    private final AtomicLong deployments = new AtomicLong();
    private ProcessEngineConfigurationImpl engine;

    private record Read(DmnDecision decision, long atNanos) {

        boolean fresh(long now) {
            return now - atNanos < FRESH.toNanos();
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        this.engine = configuration;
        configuration.getDmnEngineConfiguration().getTransformer().getTransformListeners().add(this);
    }

    /**
     * @return the latest deployed version of each key, in order (the engine's deployment cache entity, which is the
     *         parsed decision; {@code DecisionDefinitionEntity#getId} names the version)
     */
    public List<DmnDecision> of(String... decisionKeys) {
        long now = System.nanoTime();
        DmnDecision[] decisions = new DmnDecision[decisionKeys.length];
        boolean allKnown = true;
        for (int i = 0; i < decisionKeys.length; i++) {
            Read read = known.get(decisionKeys[i]);
            decisions[i] = read != null && read.fresh(now) && stillDeployed(read.decision()) ? read.decision() : null;
            allKnown &= decisions[i] != null;
        }
        return allKnown ? List.of(decisions) : read(decisionKeys);
    }

    /** The latest versions as the database has them now, whatever is kept (and kept from now on). */
    public List<DmnDecision> read(String... decisionKeys) {
        long now = System.nanoTime();
        long seen = deployments.get();
        List<DmnDecision> decisions = engine.getCommandExecutorTxRequired().execute(commandContext -> {
            var cache = commandContext.getProcessEngineConfiguration().getDeploymentCache();
            return Arrays.stream(decisionKeys)
                .map(key -> (DmnDecision) cache.findDeployedLatestDecisionDefinitionByKey(key))
                .toList();
        });
        // a read that began before a deployment here ended may hold the version before it: used once, not kept
        if (deployments.get() == seen) {
            for (int i = 0; i < decisionKeys.length; i++) {
                known.put(decisionKeys[i], new Read(decisions.get(i), now));
            }
        }
        return decisions;
    }

    /** A deployment deleted on this node leaves the engine's cache (which holds no version another node deleted). */
    private boolean stillDeployed(DmnDecision decision) {
        return engine.getDeploymentCache().getDecisionDefinitionCache()
            .get(((DecisionDefinitionEntity) decision).getId()) != null;
    }

    @Override
    public void transformDecision(Decision decision, DmnDecision transformed) {
        String key = decision.getId();
        deployments.incrementAndGet();
        known.remove(key);
        CommandContext deploying = Context.getCommandContext();
        if (deploying != null) {
            deploying.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> {
                deployments.incrementAndGet();
                known.remove(key);
            });
        }
    }
}
