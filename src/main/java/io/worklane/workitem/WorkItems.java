package io.worklane.workitem;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to read and change the work item projection. Every change runs inside the caller's transaction
 * (the process engine's, when called from a delegate), so the row, the event log and the process instance
 * commit or roll back together.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class WorkItems {

    private static final EnumSet<WorkItemState> HELD_BY_AGENT = EnumSet.of(WorkItemState.OFFERED,
            WorkItemState.IN_PROGRESS, WorkItemState.PARKED);

    private final WorkItemRepository items;
    private final WorkItemEventRepository events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    WorkItems(WorkItemRepository items, WorkItemEventRepository events, ApplicationEventPublisher publisher,
            Clock clock) {
        this.items = items;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public Optional<WorkItemView> find(String id) {
        return items.findById(id).map(item -> item.toView(clock.instant()));
    }

    /** The item a process instance belongs to: its absence is a broken invariant, not a user error. */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public WorkItemView get(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("no work item " + id));
    }

    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public Optional<WorkItemView> findBySource(String sourceSystem, String externalId) {
        return items.findBySourceSystemAndExternalId(sourceSystem, externalId).map(item -> item.toView(clock.instant()));
    }

    /** Reads the item under a row lock held until the caller's transaction ends: the router skips it meanwhile. */
    public Optional<WorkItemView> lock(String id) {
        return items.findForUpdate(id).map(item -> item.toView(clock.instant()));
    }

    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public List<WorkItemView> heldBy(String agentId) {
        Instant now = clock.instant();
        return items.findByAssigneeAndStateInOrderByAssignedAt(agentId, HELD_BY_AGENT)
            .stream()
            .map(item -> item.toView(now))
            .toList();
    }

    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public List<WorkItemEventView> history(String id) {
        return events.findByWorkItemIdOrderById(id).stream().map(WorkItemEvent::toView).toList();
    }

    /** Inserts the row; a duplicate (source system, external id) fails on the unique constraint. */
    public WorkItemView register(NewWorkItem newItem, Actor actor) {
        Instant now = clock.instant();
        // persist, never merge: an existing id (or source id) fails instead of overwriting that item
        WorkItem item = items.saveAndFlush(WorkItem.registered(newItem, now));
        record(item, WorkItemEventType.CAPTURED, actor, now, Map.of());
        return item.toView(now);
    }

    /**
     * What third-party sources said about the item; {@code sources} tells how each of them answered.
     * @return the values the item took (a standard attribute too long for its column is left out)
     */
    public Map<String, Object> recordContext(WorkItemRef ref, Map<String, Object> values,
            Map<String, Map<String, Object>> sources) {
        WorkItem item = change(ref, WorkItemEventType.CONTEXT_LOOKED_UP, Actor.system("context"), (found, now) -> {
            found.recordContext(values, now);
            return new LinkedHashMap<>(sources);
        });
        return new LinkedHashMap<>(item.contextData());
    }

    public void reject(WorkItemRef ref, String reason) {
        change(ref, WorkItemEventType.REJECTED, Actor.system("validation"), (item, now) -> {
            item.reject(reason, now);
            return details("reason", reason);
        });
    }

    public void applyServiceLevel(WorkItemRef ref, ServiceLevelOutcome outcome) {
        change(ref, WorkItemEventType.CLASSIFIED, Actor.system("rules"), (item, now) -> {
            item.applyServiceLevel(outcome, now);
            return details("department", outcome.department(), "process", outcome.process(), "requiredSkill",
                    outcome.requiredSkill(), "dueAt", outcome.dueAt(), "scheduled", outcome.scheduled());
        });
    }

    /**
     * The item enters the universal queue with the priority it has now; the router hears of it after commit.
     * @param nextReprioritizationAt when its priority may change next (null: not before its due date)
     */
    public void queue(WorkItemRef ref, Actor actor, int priority, Instant nextReprioritizationAt,
            RoutingTarget target) {
        WorkItem queued = change(ref, WorkItemEventType.QUEUED, actor, (item, now) -> {
            item.queue(priority, nextReprioritizationAt, now);
            item.target(target, now);
            return details("priority", priority, "targetLevel", target.level(), "target", target.expression());
        });
        publisher.publishEvent(new WorkItemQueued(ref.id(), queued.requiredSkill(), queued.mediaType()));
    }

    /**
     * A step of the item's priority schema: the new priority (recorded when it changed), the terms it was drawn
     * with, and when the next step is due. A changed priority asks the router again.
     */
    public void reprioritize(WorkItemRef ref, int priority, PriorityTerms terms, Instant nextReprioritizationAt) {
        Instant now = clock.instant();
        WorkItem item = load(ref);
        Integer before = item.toView(now).priority();
        if (item.reprioritize(priority, terms, nextReprioritizationAt, now)) {
            record(item, WorkItemEventType.REPRIORITIZED, Actor.timer("priority-schema"), now,
                    details("from", before, "to", priority, "schema", terms.schema(), "next", nextReprioritizationAt));
            publisher.publishEvent(new WorkItemQueued(ref.id(), item.requiredSkill(), item.mediaType()));
        }
    }

    /** The item's routing target widened (preferred agent to primary, to secondary, to tertiary). */
    public void widenTarget(WorkItemRef ref, RoutingTarget target) {
        WorkItem item = change(ref, WorkItemEventType.TARGET_EXPANDED, Actor.timer("routing-target"), (found, now) -> {
            String before = found.toView(now).targetLevel();
            found.requireQueued("retargeted");
            found.target(target, now);
            return details("from", before, "to", target.level(), "target", target.expression(), "next",
                    target.nextExpansionAt());
        });
        publisher.publishEvent(new WorkItemQueued(ref.id(), item.requiredSkill(), item.mediaType()));
    }

    /** The due date passed while the item waited in the queue: it takes its schema's overdue priority. */
    public void markOverdue(WorkItemRef ref, int overduePriority) {
        Instant now = clock.instant();
        WorkItem item = load(ref);
        Integer before = item.toView(now).priority();
        if (item.markOverdue(overduePriority, now)) {
            record(item, WorkItemEventType.OVERDUE, Actor.timer("due-date"), now,
                    details("dueAt", item.toView(now).dueAt(), "from", before, "to", overduePriority));
        }
        publisher.publishEvent(new WorkItemQueued(ref.id(), item.requiredSkill(), item.mediaType()));
    }

    /**
     * Offers a queued item to an agent; {@code reason} records why the router chose this pair.
     * @param awaitingAnswer the agent accepts or declines first (OFFERED); else it is IN_PROGRESS at once
     */
    public void assign(String id, String agentId, boolean awaitingAnswer, Map<String, Object> reason) {
        change(new WorkItemRef(id, null), WorkItemEventType.OFFERED, Actor.system("router"), (item, now) -> {
            item.assign(agentId, awaitingAnswer, now);
            return reason;
        });
    }

    public void accept(WorkItemRef ref) {
        WorkItem item = load(ref);
        Instant now = clock.instant();
        item.accept(now);
        record(item, WorkItemEventType.ACCEPTED, Actor.agent(item.toView(now).assignee()), now, Map.of());
    }

    /** The agent declined the offer; the item goes back to the queue. */
    public void decline(WorkItemRef ref) {
        releasing(ref, WorkItemEventType.DECLINED, null, (item, now) -> item.withdrawOffer(now), Map.of());
    }

    /** The offer was not answered in time (RONA); the item goes back to the queue. @return the agent */
    public String noAnswer(WorkItemRef ref, String timeout) {
        String agent = load(ref).toView(clock.instant()).assignee();
        releasing(ref, WorkItemEventType.RONA, Actor.timer("rona"), (item, now) -> item.withdrawOffer(now),
                details("agent", agent, "timeout", timeout));
        return agent;
    }

    /**
     * The agent marked the item done; the row (not a variable an agent could set) says whether the source
     * system must confirm. @return the confirmation time-out (ISO-8601) the item now waits for, or null
     */
    public String markDone(WorkItemRef ref) {
        return releasing(ref, WorkItemEventType.DONE, null, (item, now) -> item.markDone(now), Map.of())
            .confirmationTimeout();
    }

    /** The agent's disposition code (converted, not converted, ...), kept on the item and in its event log. */
    public void recordDisposition(WorkItemRef ref, String code) {
        if (code != null) {
            change(ref, WorkItemEventType.UPDATED, Actor.agent(load(ref).toView(clock.instant()).assignee()),
                    (item, now) -> {
                        item.recordDisposition(code, now);
                        return details("disposition", code);
                    });
        }
    }

    /** Into the agent's workbin; whether it still takes one of their slots is the router's configuration. */
    public void park(WorkItemRef ref) {
        Actor agent = Actor.agent(load(ref).toView(clock.instant()).assignee());
        WorkItem item = change(ref, WorkItemEventType.PARKED, agent, (found, now) -> {
            found.park(now);
            return Map.of();
        });
        // a parked item that does not count against capacity frees a slot
        publisher.publishEvent(new WorkItemReleased(ref.id(), item.toView(clock.instant()).assignee()));
    }

    /** Out of the workbin into handling: by its agent, or by a supervisor's reassignment to {@code agentId}. */
    public void pull(WorkItemRef ref, String agentId, Actor actor) {
        String before = load(ref).toView(clock.instant()).assignee();
        boolean reassigned = !agentId.equals(before);
        change(ref, reassigned ? WorkItemEventType.REASSIGNED : WorkItemEventType.PULLED, actor, (item, now) -> {
            item.pull(agentId, now);
            return details("agent", agentId, "from", reassigned ? before : null);
        });
        if (reassigned) {
            publisher.publishEvent(new WorkItemReleased(ref.id(), before));
        }
    }

    /** The agent hands the item on to another agent, who handles it at once. */
    public void transferTo(WorkItemRef ref, String agentId) {
        WorkItem item = load(ref);
        Instant now = clock.instant();
        String before = item.transferTo(agentId, now);
        record(item, WorkItemEventType.TRANSFERRED, Actor.agent(before), now, details("to", agentId));
        publisher.publishEvent(new WorkItemReleased(ref.id(), before));
    }

    /** The agent sends the item back to the queue for agents matching {@code target} (a skill expression). */
    public void transferToTarget(WorkItemRef ref, String target) {
        releasing(ref, WorkItemEventType.TRANSFERRED, null, (item, now) -> item.transferToTarget(target, now),
                details("target", target));
    }

    /** A supervisor returns a parked item to the queue. */
    public void returnToQueue(WorkItemRef ref, Actor actor) {
        releasing(ref, WorkItemEventType.RETURNED_TO_QUEUE, actor, (item, now) -> item.returnToQueue(now), Map.of());
    }

    public void confirmationOverdue(WorkItemRef ref) {
        change(ref, WorkItemEventType.CONFIRMATION_OVERDUE, Actor.timer("source-confirmation"), (item, now) -> Map.of());
    }

    /** New attributes that need no new classification: the item stays where it is. */
    public void update(WorkItemRef ref, NewWorkItem attributes, List<String> changed, Actor actor) {
        change(ref, WorkItemEventType.UPDATED, actor, (item, now) -> {
            item.takeAttributes(attributes, now);
            item.sourceOwns(changed);
            return details("fields", changed);
        });
    }

    /** New attributes that change classification or schedule: distribution starts over. */
    public void reclassify(WorkItemRef ref, NewWorkItem attributes, List<String> changed, Actor actor) {
        releasing(ref, WorkItemEventType.RECLASSIFIED, actor, (item, now) -> {
            item.takeAttributes(attributes, now);
            item.sourceOwns(changed);
            return item.restartDistribution(now);
        }, details("fields", changed));
    }

    public void hold(WorkItemRef ref, Actor actor) {
        releasing(ref, WorkItemEventType.HELD, actor, (item, now) -> item.hold(now), Map.of());
    }

    public void resume(WorkItemRef ref, Actor actor) {
        releasing(ref, WorkItemEventType.RESUMED, actor, (item, now) -> item.restartDistribution(now), Map.of());
    }

    public void cancel(WorkItemRef ref, Actor actor) {
        releasing(ref, WorkItemEventType.CANCELED, actor, (item, now) -> item.cancel(now), Map.of());
    }

    public void complete(WorkItemRef ref, Actor actor) {
        releasing(ref, WorkItemEventType.COMPLETED, actor, (item, now) -> item.complete(now), Map.of());
    }

    /** The only transition that moves an item to a new process instance: that of the restart. */
    public void restart(WorkItemRef ref, NewWorkItem attributes, Actor actor) {
        String processInstanceId = ref.processInstanceId();
        change(new WorkItemRef(ref.id(), null), WorkItemEventType.RESTARTED, actor, (item, now) -> {
            item.restart(processInstanceId, attributes, now);
            return details("processInstanceId", processInstanceId);
        });
    }

    @FunctionalInterface
    private interface Transition<T> {
        T apply(WorkItem item, Instant now);
    }

    private WorkItem change(WorkItemRef ref, WorkItemEventType type, Actor actor,
            Transition<Map<String, Object>> transition) {
        Instant now = clock.instant();
        WorkItem item = load(ref);
        record(item, type, actor, now, transition.apply(item, now));
        return item;
    }

    /**
     * A transition that may take the item away from its agent, who then has a free slot.
     * @param actor who did it; null: the agent the item leaves
     */
    private WorkItem releasing(WorkItemRef ref, WorkItemEventType type, Actor actor, Transition<String> transition,
            Map<String, Object> details) {
        Instant now = clock.instant();
        WorkItem item = load(ref);
        String releasedAgent = transition.apply(item, now);
        Map<String, Object> recorded = new LinkedHashMap<>(details);
        if (releasedAgent != null) {
            recorded.put("releasedAgent", releasedAgent);
        }
        record(item, type, actor != null ? actor : Actor.agent(releasedAgent), now, recorded);
        if (releasedAgent != null) {
            publisher.publishEvent(new WorkItemReleased(ref.id(), releasedAgent));
        }
        return item;
    }

    /** A reference with a process instance must name the row's own: no instance changes another's item. */
    private WorkItem load(WorkItemRef ref) {
        WorkItem item = items.findById(ref.id()).orElseThrow(() -> new IllegalStateException("no work item " + ref.id()));
        if (ref.processInstanceId() != null && !ref.processInstanceId().equals(item.processInstanceId())) {
            throw new IllegalStateException("process instance " + ref.processInstanceId() + " is not the process of work item "
                    + ref.id());
        }
        return item;
    }

    private void record(WorkItem item, WorkItemEventType type, Actor actor, Instant now, Map<String, Object> details) {
        events.save(new WorkItemEvent(item.id(), type, item.state(), actor, now, details));
    }

    private static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                details.put((String) keysAndValues[i], value instanceof Instant ? value.toString() : value);
            }
        }
        return details;
    }
}
