package io.worklane.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The KPI targets business users keep in {@code decisions/kpi-targets.dmn} (the latest deployed version), read
 * without writing decision history: a report asks for every row it shows. Results are kept per decision version and
 * inputs.
 */
@Component
class KpiTargets {

    enum Comparison {
        AT_LEAST, AT_MOST
    }

    record Target(String kpi, Comparison comparison, double target, String label) {
    }

    /** A target against the actual figure; status MET, MISSED or NO_DATA. */
    record Outcome(String kpi, String label, Comparison comparison, double target, Object actual, String unit,
            String status) {
    }

    private static final String DECISION = "kpi-targets";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KpiTargets.class);

    private record Asked(String decisionId, String department, String process, String segment) {
    }

    /** Evaluates the deployed table without the engine's listeners: reading targets writes no decision history. */
    private static final DmnEngine READER = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private final ProcessEngineConfigurationImpl engine;
    private final Map<Asked, List<Target>> known = new ConcurrentHashMap<>();

    KpiTargets(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    /** Targets as the latest deployed table sets them: read its version once per report. */
    interface Lookup {
        /** The targets for this department, process and segment (null: the row is not split by it). */
        List<Target> targetsFor(String department, String process, String segment);
    }

    Lookup latest() {
        String decisionId = engine.getCommandExecutorTxRequired().execute(commandContext -> {
            try {
                return ((DecisionDefinitionEntity) commandContext.getProcessEngineConfiguration().getDeploymentCache()
                    .findDeployedLatestDecisionDefinitionByKey(DECISION)).getId();
            }
            catch (RuntimeException none) {
                return null;
            }
        });
        return (department, process, segment) -> decisionId == null ? List.of()
                : targetsFor(decisionId, department, process, segment);
    }

    private List<Target> targetsFor(String decisionId, String department, String process, String segment) {
        Asked asked = new Asked(decisionId, blankIsNull(department), blankIsNull(process), blankIsNull(segment));
        if (known.size() > 10_000) {
            known.clear();
        }
        return known.computeIfAbsent(asked, this::evaluateOrNone);
    }

    /** A table that does not evaluate (a row without a numeric target, a FEEL error) shows no targets, and says so. */
    private List<Target> evaluateOrNone(Asked asked) {
        try {
            return evaluate(asked);
        }
        catch (RuntimeException unusable) {
            log.warn("decisions/kpi-targets.dmn (decision {}) gives no targets for {}: {}", asked.decisionId(), asked,
                    unusable.getMessage());
            return List.of();
        }
    }

    /** Each target whose KPI is one of these figures, against it. */
    List<Outcome> judge(List<Target> targets, Map<String, Object> figures, Map<String, String> units) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Target target : targets) {
            if (!figures.containsKey(target.kpi())) {
                continue;
            }
            Object actual = figures.get(target.kpi());
            String status = "NO_DATA";
            if (actual instanceof Number number) {
                double value = number.doubleValue();
                boolean met = target.comparison() == Comparison.AT_LEAST ? value >= target.target() - 1e-9
                        : value <= target.target() + 1e-9;
                status = met ? "MET" : "MISSED";
            }
            outcomes.add(new Outcome(target.kpi(), target.label(), target.comparison(), target.target(), actual,
                    units.get(target.kpi()), status));
        }
        return outcomes;
    }

    private List<Target> evaluate(Asked asked) {
        DmnDecision decision = engine.getCommandExecutorTxRequired().execute(commandContext ->
                (DmnDecision) commandContext.getProcessEngineConfiguration().getDeploymentCache()
                    .findDeployedDecisionDefinitionById(asked.decisionId()));
        var rows = READER.evaluateDecisionTable(decision, Variables.createVariables()
            .putValue("department", asked.department())
            .putValue("process", asked.process())
            .putValue("customerSegment", asked.segment())).getResultList();
        List<Target> targets = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Object kpi = row.get("kpi");
            Object target = row.get("target");
            if (kpi == null || !(target instanceof Number number)) {
                throw new IllegalStateException("A row of decisions/kpi-targets.dmn has no kpi or no numeric target: "
                        + row);
            }
            String comparison = String.valueOf(row.get("comparison")).trim().toLowerCase(Locale.ROOT);
            targets.add(new Target(kpi.toString(), comparison.equals("at most") ? Comparison.AT_MOST
                    : Comparison.AT_LEAST, number.doubleValue(), row.get("label") == null ? kpi.toString()
                            : row.get("label").toString()));
        }
        return List.copyOf(targets);
    }

    private static String blankIsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
