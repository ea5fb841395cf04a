package io.worklane.workitem;

import static io.worklane.workitem.WorkItemTransitions.details;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to read the work item projection and to move it through capture, classification and the queue
 * (agents' offers and handling: {@link Assignments}). Every change runs inside the caller's transaction
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
    private final WorkItemTransitions transitions;
    private final Clock clock;

    WorkItems(WorkItemRepository items, WorkItemEventRepository events, WorkItemTransitions transitions, Clock clock) {
        this.items = items;
        this.events = events;
        this.transitions = transitions;
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

    /** What the item's priority is computed from. */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public PriorityView priorityView(String id) {
        return items.findById(id).map(item -> item.toPriorityView(clock.instant()))
            .orElseThrow(() -> new IllegalStateException("no work item " + id));
    }

    /** What the item's routing target is decided from. */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public RoutingView routingView(String id) {
        return items.findById(id).map(WorkItem::toRoutingView)
            .orElseThrow(() -> new IllegalStateException("no work item " + id));
    }

    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public Optional<WorkItemView> findBySource(String sourceSystem, String externalId) {
        return items.findBySourceSystemAndExternalId(sourceSystem, externalId).map(item -> item.toView(clock.instant()));
    }

    /**
     * The customer's contact history: their 20 most recent other items, newest first (none without a customer id);
     * from the source system's own items only when {@code sourceSystem} is given.
     */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public List<ContactHistoryEntry> contactHistory(WorkItemView item, String sourceSystem) {
        if (item.customerId() == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return items.findTop20ByCaseAttributesCustomerIdAndIdNotOrderByCapturedAtDesc(item.customerId(), item.id())
            .stream()
            .map(other -> other.toView(now))
            .filter(other -> sourceSystem == null || sourceSystem.equals(other.sourceSystem()))
            .map(ContactHistoryEntry::of)
            .toList();
    }

    /** Reads the item under a row lock held until the caller's transaction ends: the router skips it meanwhile. */
    public Optional<WorkItemView> lock(String id) {
        return transitions.lockRow(id).map(item -> item.toView(clock.instant()));
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
        transitions.record(item, WorkItemEventType.CAPTURED, actor, now, Map.of());
        return item.toView(now);
    }

    /**
     * What third-party sources said about the item; {@code sources} tells how each of them answered.
     * @return the values the item took (a standard attribute too long for its column is left out)
     */
    public Map<String, Object> recordContext(WorkItemRef ref, Map<String, Object> values,
            Map<String, Map<String, Object>> sources) {
        WorkItem item = transitions.change(ref, WorkItemEventType.CONTEXT_LOOKED_UP, Actor.system("context"), (found, now) -> {
            found.recordContext(values, now);
            return new LinkedHashMap<>(sources);
        });
        return new LinkedHashMap<>(item.contextData());
    }

    public void reject(WorkItemRef ref, String reason) {
        transitions.change(ref, WorkItemEventType.REJECTED, Actor.system("validation"), (item, now) -> {
            item.reject(reason, now);
            return details("reason", reason);
        });
    }

    public void applyServiceLevel(WorkItemRef ref, ServiceLevelOutcome outcome) {
        transitions.change(ref, WorkItemEventType.CLASSIFIED, Actor.system("rules"), (item, now) -> {
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
        WorkItem queued = transitions.change(ref, WorkItemEventType.QUEUED, actor, (item, now) -> {
            item.queue(priority, nextReprioritizationAt, now);
            item.target(target, now);
            return details("priority", priority, "targetLevel", target.level(), "target", target.expression());
        });
        transitions.publish(new WorkItemQueued(ref.id(), queued.requiredSkill(), queued.mediaType()));
    }

    /**
     * A step of the item's priority schema: the new priority (recorded when it changed), the terms it was drawn
     * with, and when the next step is due. The router is not asked: a new priority changes the order, not who may
     * take the item, and agents take from the top whenever they have room (with a million queued items a step a
     * second each would otherwise cost a routing attempt; the sweep still finds an item a scan passed over).
     */
    public void reprioritize(WorkItemRef ref, int priority, PriorityTerms terms, Instant nextReprioritizationAt) {
        Instant now = clock.instant();
        WorkItem item = transitions.load(ref);
        Integer before = item.priority();
        if (item.reprioritize(priority, terms, nextReprioritizationAt, now)) {
            transitions.record(item, WorkItemEventType.REPRIORITIZED, Actor.timer("priority-schema"), now,
                    details("from", before, "to", priority, "schema", terms.schema(), "next", nextReprioritizationAt));
        }
    }

    /**
     * A supervisor sets the item's priority in place of its curve (override), or gives it back to the curve (null
     * override, {@code priority} the curve's value now).
     */
    public void overridePriority(WorkItemRef ref, PriorityOverride override, int priority, Instant nextStepAt,
            Actor supervisor) {
        Instant now = clock.instant();
        WorkItem item = transitions.load(ref);
        WorkItemView before = item.toView(now);
        item.overridePriority(override, priority, nextStepAt, now);
        transitions.record(item, WorkItemEventType.PRIORITY_OVERRIDDEN, supervisor, now, details("from",
                before.priority(), "to", priority, "until", override == null ? null : override.until(), "override",
                override != null));
        transitions.publish(new WorkItemQueued(ref.id(), item.requiredSkill(), item.mediaType()));
    }

    /** The item's routing target widened (preferred agent to primary, to secondary, to tertiary). */
    public void widenTarget(WorkItemRef ref, RoutingTarget target) {
        WorkItem item = transitions.change(ref, WorkItemEventType.TARGET_EXPANDED, Actor.timer("routing-target"), (found, now) -> {
            String before = found.toView(now).targetLevel();
            found.requireQueued("retargeted");
            found.target(target, now);
            return details("from", before, "to", target.level(), "target", target.expression(), "next",
                    target.nextExpansionAt());
        });
        transitions.publish(new WorkItemQueued(ref.id(), item.requiredSkill(), item.mediaType()));
    }

    /** The due date passed while the item waited in the queue: it takes its schema's overdue priority. */
    public void markOverdue(WorkItemRef ref, int overduePriority) {
        Instant now = clock.instant();
        WorkItem item = transitions.load(ref);
        Integer before = item.toView(now).priority();
        if (item.markOverdue(overduePriority, now)) {
            transitions.record(item, WorkItemEventType.OVERDUE, Actor.timer("due-date"), now,
                    details("dueAt", item.toView(now).dueAt(), "from", before, "to", overduePriority));
        }
        transitions.publish(new WorkItemQueued(ref.id(), item.requiredSkill(), item.mediaType()));
    }

    /**
     * The agent marked the item done; the row (not a variable an agent could set) says whether the source
     * system must confirm. @param actor who marked it done; null: its agent. @return the confirmation time-out (ISO-8601) the item now waits for, or null
     */
    public String markDone(WorkItemRef ref, Actor actor) {
        return transitions.releasing(ref, WorkItemEventType.DONE, actor, (item, now) -> item.markDone(now), Map.of())
            .confirmationTimeout();
    }

    public void confirmationOverdue(WorkItemRef ref) {
        transitions.change(ref, WorkItemEventType.CONFIRMATION_OVERDUE, Actor.timer("source-confirmation"), (item, now) -> Map.of());
    }

    /**
     * The item was IN_PROGRESS longer than its service level's handling time-out (the seed's "close in source
     * system": no Mark done, no completion from the source). Its row says what happens: RETURN_TO_QUEUE takes it
     * from its agent (their slot frees) and it is queued again with the priority its curve gives it; EXCEPTION
     * leaves it with the agent, and the exception watch raises a task for the supervisors.
     * @return the action taken, RETURN_TO_QUEUE or EXCEPTION
     */
    public String handlingTimedOut(WorkItemRef ref) {
        WorkItem found = transitions.load(ref);
        String action = WorkItem.HANDLING_TIMEOUT_EXCEPTION.equals(found.handlingTimeoutAction())
                ? WorkItem.HANDLING_TIMEOUT_EXCEPTION : "RETURN_TO_QUEUE";
        transitions.releasing(ref, WorkItemEventType.HANDLING_TIMED_OUT, Actor.timer("handling-timeout"),
                (item, now) -> item.handlingTimedOut(now), details("action", action, "timeout", found.handlingTimeout()));
        return action;
    }

    /** New attributes that need no new classification: the item stays where it is. */
    public void update(WorkItemRef ref, NewWorkItem attributes, List<String> changed, Actor actor) {
        transitions.change(ref, WorkItemEventType.UPDATED, actor, (item, now) -> {
            item.takeAttributes(attributes, now);
            item.sourceOwns(changed);
            if (changed.contains(WorkItemProcess.ATTRIBUTES)) {
                // the service-level rules may read custom attributes: the next priority step decides again
                item.serviceLevelOutdated();
            }
            return details("fields", changed);
        });
    }

    /** New attributes that change classification or schedule: distribution starts over. */
    public void reclassify(WorkItemRef ref, NewWorkItem attributes, List<String> changed, Actor actor) {
        transitions.releasing(ref, WorkItemEventType.RECLASSIFIED, actor, (item, now) -> {
            item.takeAttributes(attributes, now);
            item.sourceOwns(changed);
            return item.restartDistribution(now);
        }, details("fields", changed));
    }

    public void hold(WorkItemRef ref, Actor actor) {
        transitions.releasing(ref, WorkItemEventType.HELD, actor, (item, now) -> item.hold(now), Map.of());
    }

    public void resume(WorkItemRef ref, Actor actor) {
        transitions.releasing(ref, WorkItemEventType.RESUMED, actor, (item, now) -> item.restartDistribution(now), Map.of());
    }

    public void cancel(WorkItemRef ref, Actor actor) {
        transitions.releasing(ref, WorkItemEventType.CANCELED, actor, (item, now) -> item.cancel(now), Map.of());
    }

    /**
     * The item's process instance is being deleted through one of Camunda's own doors (Cockpit, engine REST): an
     * item still alive in it is canceled with it, by whoever deleted it. Nothing happens to an item already ended or
     * living in another (restarted) instance.
     */
    public void cancelWithDeletedInstance(WorkItemRef ref, Actor actor) {
        boolean alive = transitions.lockRow(ref.id())
            .filter(item -> ref.processInstanceId().equals(item.processInstanceId()))
            .filter(item -> !item.toView(clock.instant()).state().isEnd())
            .isPresent();
        if (alive) {
            transitions.releasing(ref, WorkItemEventType.CANCELED, actor, (item, now) -> item.cancel(now),
                    details("reason", "process instance deleted"));
        }
    }

    public void complete(WorkItemRef ref, Actor actor) {
        transitions.releasing(ref, WorkItemEventType.COMPLETED, actor, (item, now) -> item.complete(now), Map.of());
    }

    /** The only transition that moves an item to a new process instance: that of the restart. */
    public void restart(WorkItemRef ref, NewWorkItem attributes, Actor actor) {
        String processInstanceId = ref.processInstanceId();
        transitions.change(new WorkItemRef(ref.id(), null), WorkItemEventType.RESTARTED, actor, (item, now) -> {
            item.restart(processInstanceId, attributes, now);
            return details("processInstanceId", processInstanceId);
        });
    }
}
