package io.worklane.routing;

import static io.worklane.workitem.WorkItemProcess.ASSIGNEE;
import static io.worklane.workitem.WorkItemProcess.AUTO_ANSWER;
import static io.worklane.workitem.WorkItemProcess.EFFECTIVE_PRIORITY;
import static io.worklane.workitem.WorkItemProcess.MESSAGE_OFFERED;
import static io.worklane.workitem.WorkItemProcess.RONA_TIMEOUT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.worklane.agent.Slots;
import io.worklane.workitem.Assignments;
import io.worklane.workitem.ProcessMessages;

/**
 * Offers queued items to ready agents. Each offer is one transaction: lock the agent, check its free slots
 * ({@link Slots}, the rule transfers and reassignments decide by too), find the best item whose current target the
 * agent matches and lock it, record the offer, deliver {@code WorkItem.Offered} to the item's "Wait for an agent".
 * Whatever fails rolls back whole and is picked up again by the next event or sweep.
 */
@Service
public class Router {

    private static final Logger log = LoggerFactory.getLogger(Router.class);
    private static final int PAGE = 50;

    private final RoutingRepository repository;
    private final Slots slots;
    private final SkillExpressions expressions;
    private final Assignments assignments;
    private final ProcessMessages messages;
    private final TransactionTemplate transaction;
    private final RoutingProperties properties;
    private final Clock clock;

    Router(RoutingRepository repository, Slots slots, SkillExpressions expressions, Assignments assignments,
            ProcessMessages messages, TransactionTemplate transaction, RoutingProperties properties, Clock clock) {
        this.repository = repository;
        this.slots = slots;
        this.expressions = expressions;
        this.assignments = assignments;
        this.messages = messages;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** Offers the agent the best item it qualifies for, if it is ready and has room. @return the item */
    public Optional<String> offerNextItemTo(String agentId) {
        return inTransaction(agentId, () -> offerBestItem(agentId));
    }

    /** Fills the agent up to its capacity. @return how many items were offered */
    public int fill(String agentId) {
        int offered = 0;
        while (offered < properties.maxOffersPerAgent() && offerNextItemTo(agentId).isPresent()) {
            offered++;
        }
        return offered;
    }

    /**
     * Offers a newly queued or widened item (or one whose priority a supervisor set) to the longest idle ready agent
     * that matches it and has a free slot for it (read without a lock: an agent freed meanwhile is filled by its own
     * release).
     *
     * @return whether to try again shortly: nothing was offered, the item is still queued, and a qualified agent
     *         with a free slot for it was passed over (its row held by another offer that had read the queue before
     *         this item was in it)
     */
    public boolean route(String workItemId) {
        var queued = repository.queuedItem(workItemId);
        if (queued.isEmpty()) {
            return false;
        }
        RoutingRepository.Target target = queued.get();
        String mediaType = target.item().mediaType();
        List<RoutingRepository.ReadyAgent> qualified = repository.readyAgentsWithSkills(target.key())
            .stream()
            .filter(agent -> qualifies(target, agent.id(), agent.skills(), agent.groups()))
            .toList();
        List<RoutingRepository.ReadyAgent> tried = withFreeSlot(qualified, mediaType).stream()
            .limit(properties.candidateAgents())
            .toList();
        for (RoutingRepository.ReadyAgent agent : tried) {
            // the agent's best item keeps distribution order; this one directly when it lies beyond the scan
            var offered = offerNextItemTo(agent.id());
            if (offered.filter(workItemId::equals).isPresent()
                    || offered.isEmpty() && inTransaction(agent.id(),
                            () -> offerItem(agent.id(), target.item(), qualified.size())).isPresent()) {
                return false;
            }
        }
        return !tried.isEmpty() && repository.queuedItem(workItemId).isPresent()
                && !withFreeSlot(tried, mediaType).isEmpty();
    }

    /** The agents with a free slot for the media type, in their order: one read of just their loads. */
    private List<RoutingRepository.ReadyAgent> withFreeSlot(List<RoutingRepository.ReadyAgent> agents,
            String mediaType) {
        if (agents.isEmpty()) {
            return agents;
        }
        Map<String, Slots.Load> loads = slots.ofAgents(agents.stream().map(RoutingRepository.ReadyAgent::id).toList(),
                mediaType);
        return agents.stream().filter(agent -> {
            Slots.Load load = loads.get(agent.id());
            return load != null && load.free();
        }).toList();
    }

    /** An item left the agent (done, declined, parked, transferred, ...): they are busy until now, then filled. */
    public int released(String agentId) {
        repository.markReleased(agentId, clock.instant());
        return fill(agentId);
    }

    /** The safety net: offers work to every ready agent. @return how many items were offered */
    public int sweep() {
        return repository.readyAgents().stream().mapToInt(this::fill).sum();
    }

    private Optional<String> inTransaction(String agentId, java.util.function.Supplier<Optional<String>> offer) {
        try {
            return transaction.execute(status -> offer.get());
        }
        catch (RuntimeException e) {
            log.warn("Offer to agent {} rolled back; the next event or sweep retries: {}", agentId, e.toString());
            return Optional.empty();
        }
    }

    private Optional<String> offerBestItem(String agentId) {
        var agent = repository.lockReadyAgent(agentId);
        if (agent.isEmpty()) {
            return Optional.empty();
        }
        List<String> mediaTypes = slots.freeMediaTypes(agentId);
        if (mediaTypes.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> skills = repository.skillsOf(agentId);
        Set<String> groups = repository.groupsOf(agentId);
        List<String> keys = RoutingRepository.keysOf(skills, groups);
        Map<String, Boolean> matched = new HashMap<>();
        for (int offset = 0; offset < properties.scanLimit(); offset += PAGE) {
            List<RoutingRepository.QueuedItem> page = repository.candidates(agentId, mediaTypes, keys, offset, PAGE);
            for (RoutingRepository.QueuedItem item : page) {
                boolean matches = item.targetExpression() == null
                        || matched.computeIfAbsent(item.targetExpression(),
                                text -> expressions.of(text).matches(skills, groups));
                Optional<String> offered = matches ? offerIfWaiting(agent.get(), item, skills, groups, null)
                        : Optional.empty();
                if (offered.isPresent()) {
                    return offered;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return Optional.empty();
    }

    private Optional<String> offerItem(String agentId, RoutingRepository.QueuedItem item, int qualifiedAgents) {
        var agent = repository.lockReadyAgent(agentId);
        if (agent.isEmpty() || !slots.freeMediaTypes(agentId).contains(item.mediaType())) {
            return Optional.empty();
        }
        return offerIfWaiting(agent.get(), item, repository.skillsOf(agentId), repository.groupsOf(agentId),
                qualifiedAgents);
    }

    /**
     * Locks and offers the item if its process waits for an agent. The waiting execution is looked up before the
     * item is locked, so that a suspended instance is passed over without a row lock. Should the item leave and
     * re-enter the queue in between, the message finds no such execution and the offer rolls back whole.
     */
    private Optional<String> offerIfWaiting(RoutingRepository.LockedAgent agent, RoutingRepository.QueuedItem item,
            Map<String, Integer> skills, Set<String> groups, Integer qualifiedAgents) {
        return messages.waitingExecution(MESSAGE_OFFERED, item.processInstanceId())
            .flatMap(waiting -> repository.lockItem(item)
                .map(priority -> offer(agent, item, priority, waiting, skills, groups, qualifiedAgents)));
    }

    /**
     * @param priority the item's priority as locked
     * @param waitingExecution the item's execution in "Wait for an agent"
     */
    private String offer(RoutingRepository.LockedAgent agent, RoutingRepository.QueuedItem item, int priority,
            String waitingExecution, Map<String, Integer> skills, Set<String> groups, Integer qualifiedAgents) {
        Instant now = clock.instant();
        boolean automatic = properties.answer().automatic(agent.answerMode(), item.department());
        Map<String, Object> why = why(item, priority, agent.id(), skills, groups, qualifiedAgents, now);
        why.put("answer", automatic ? "AUTO" : "MANUAL");
        assignments.assign(item.id(), agent.id(), automatic ? null : properties.ronaTimeout(), why);
        repository.markAssigned(agent.id(), now);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ASSIGNEE, agent.id());
        variables.put(AUTO_ANSWER, automatic);
        // the tasks' priority, from the row: priority steps change only the row while the item waits
        variables.put(EFFECTIVE_PRIORITY, priority);
        if (!automatic) {
            // only the Answer offer task's boundary timer reads it: one variable less to write on the hot path
            variables.put(RONA_TIMEOUT, properties.ronaTimeout().toString());
        }
        messages.deliverTo(MESSAGE_OFFERED, waitingExecution, variables);
        return item.id();
    }

    private boolean qualifies(RoutingRepository.Target target, String agentId, Map<String, Integer> skills,
            Set<String> groups) {
        if (agentId.equals(target.declinedBy())) {
            return false;
        }
        RoutingRepository.QueuedItem item = target.item();
        if (RoutingTargets.PREFERRED.equals(item.targetLevel())) {
            return agentId.equals(target.preferredAgent());
        }
        return item.targetExpression() == null || expressions.of(item.targetExpression()).matches(skills, groups);
    }

    /** Recorded with the offer, so "why did this go to X" is answered from data. */
    private Map<String, Object> why(RoutingRepository.QueuedItem item, int priority, String agentId,
            Map<String, Integer> skills, Set<String> groups, Integer qualifiedAgents, Instant now) {
        Map<String, Object> why = new LinkedHashMap<>();
        why.put("agent", agentId);
        why.put("targetLevel", item.targetLevel());
        if (item.targetExpression() != null) {
            why.put("target", item.targetExpression());
            Map<String, Integer> proficiencies = new LinkedHashMap<>();
            SkillExpression expression = expressions.of(item.targetExpression());
            expression.skills().forEach(skill -> proficiencies.put(skill, skills.getOrDefault(skill, 0)));
            why.put("proficiencies", proficiencies);
            if (!expression.groups().isEmpty()) {
                // per group the target names: whether the agent is in it
                Map<String, Boolean> membership = new LinkedHashMap<>();
                expression.groups().forEach(group -> membership.put(group, groups.contains(group)));
                why.put("groups", membership);
            }
        }
        why.put("priority", priority);
        why.put("waitedSeconds", Duration.between(item.queuedAt(), now).toSeconds());
        if (qualifiedAgents != null) {
            why.put("qualifiedReadyAgents", qualifiedAgents);
        }
        return why;
    }
}
