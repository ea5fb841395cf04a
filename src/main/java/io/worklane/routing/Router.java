package io.worklane.routing;

import static io.worklane.workitem.WorkItemProcess.ASSIGNEE;
import static io.worklane.workitem.WorkItemProcess.MESSAGE_OFFERED;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.worklane.workitem.WorkItems;

/**
 * Offers queued items to ready agents. Each offer is one transaction: lock the agent, check its free capacity,
 * lock the best item it qualifies for, record the offer, correlate {@code WorkItem.Offered}. Whatever fails
 * rolls back whole and is picked up again by the next event or the sweep.
 */
@Service
public class Router {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final RoutingRepository repository;
    private final WorkItems workItems;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transaction;
    private final RoutingProperties properties;
    private final Clock clock;

    Router(RoutingRepository repository, WorkItems workItems, RuntimeService runtimeService,
            TransactionTemplate transaction, RoutingProperties properties, Clock clock) {
        this.repository = repository;
        this.workItems = workItems;
        this.runtimeService = runtimeService;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** Offers one item to the agent, if the agent is ready, has room, and some queued item fits. */
    public Optional<String> offerNextItemTo(String agentId) {
        try {
            return transaction.execute(status -> offerInTransaction(agentId));
        }
        catch (RuntimeException e) {
            log.warn("Offer to agent {} rolled back; the next event or sweep retries: {}", agentId, e.toString());
            return Optional.empty();
        }
    }

    /** Fills the agent up to its capacity. @return how many items were offered */
    public int fill(String agentId) {
        int offered = 0;
        while (offered < properties.maxOffersPerAgent() && offerNextItemTo(agentId).isPresent()) {
            offered++;
        }
        return offered;
    }

    /** Tries the ready agents that could take a newly queued item, longest idle first, until it is gone. */
    public void route(String workItemId, String requiredSkill) {
        for (String agentId : repository.readyAgentsWithSkill(requiredSkill, properties.candidateAgents())) {
            if (offerNextItemTo(agentId).filter(workItemId::equals).isPresent()) {
                return;
            }
        }
    }

    /** The safety net: offers work to every ready agent. @return how many items were offered */
    public int sweep() {
        return repository.readyAgents().stream().mapToInt(this::fill).sum();
    }

    private Optional<String> offerInTransaction(String agentId) {
        if (!repository.lockReadyAgent(agentId)) {
            return Optional.empty();
        }
        var mediaTypes = repository.freeMediaTypes(agentId);
        if (mediaTypes.isEmpty()) {
            return Optional.empty();
        }
        var found = repository.lockBestItem(agentId, mediaTypes);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RoutingRepository.QueuedItem item = found.get();
        Instant now = clock.instant();
        workItems.assign(item.id(), agentId, why(item, agentId, now));
        repository.markAssigned(agentId, now);
        runtimeService.createMessageCorrelation(MESSAGE_OFFERED)
            .processInstanceId(item.processInstanceId())
            .setVariable(ASSIGNEE, agentId)
            .correlateWithResult();
        return Optional.of(item.id());
    }

    /** Recorded with the offer, so "why did this go to X" is answered from data. */
    private Map<String, Object> why(RoutingRepository.QueuedItem item, String agentId, Instant now) {
        Map<String, Object> why = new LinkedHashMap<>();
        why.put("agent", agentId);
        why.put("requiredSkill", item.requiredSkill());
        why.put("proficiency", repository.proficiency(agentId, item.requiredSkill()));
        why.put("priority", item.priority());
        why.put("waitedSeconds", Duration.between(item.queuedAt(), now).toSeconds());
        return why;
    }
}
