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

    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public Optional<WorkItemView> findBySource(String sourceSystem, String externalId) {
        return items.findBySourceSystemAndExternalId(sourceSystem, externalId).map(item -> item.toView(clock.instant()));
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
        WorkItem item = items.saveAndFlush(WorkItem.registered(newItem, now));
        record(item, WorkItemEventType.CAPTURED, actor, now, Map.of());
        return item.toView(now);
    }

    public void reject(String id, String reason) {
        Instant now = clock.instant();
        WorkItem item = load(id);
        item.reject(reason, now);
        record(item, WorkItemEventType.REJECTED, Actor.system("validation"), now, Map.of("reason", reason));
    }

    public void queue(String id, Queueing queueing) {
        Instant now = clock.instant();
        WorkItem item = load(id);
        item.queue(queueing, now);
        Actor rules = Actor.system("rules");
        record(item, WorkItemEventType.CLASSIFIED, rules, now,
                details("department", queueing.department(), "process", queueing.process()));
        record(item, WorkItemEventType.QUEUED, rules, now, details("priority", queueing.priority(), "dueAt",
                queueing.dueAt(), "requiredSkill", queueing.requiredSkill()));
        publisher.publishEvent(new WorkItemQueued(id, item.requiredSkill(), item.mediaType()));
    }

    /** Gives a queued item to an agent; {@code reason} records why the router chose this pair. */
    public void assign(String id, String agentId, Map<String, Object> reason) {
        Instant now = clock.instant();
        WorkItem item = load(id);
        item.assign(agentId, now);
        record(item, WorkItemEventType.OFFERED, Actor.system("router"), now, reason);
    }

    public void complete(String id, Actor actor) {
        Instant now = clock.instant();
        WorkItem item = load(id);
        item.complete(now);
        record(item, WorkItemEventType.COMPLETED, actor, now, Map.of());
        publisher.publishEvent(new WorkItemCompleted(id, item.assignee()));
    }

    private WorkItem load(String id) {
        return items.findById(id).orElseThrow(() -> new IllegalStateException("no work item " + id));
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
