package io.worklane.workitem;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;

import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.dao.DataAccessException;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import org.springframework.stereotype.Component;

/**
 * How every change of a work item happens: lock the row (checking it belongs to the calling process), apply the
 * transition, record the event with its actor, and tell others after commit when an agent got a slot back.
 * The row is locked before the engine writes anything: a job, the router and the API all take the item's row
 * first and the engine's rows second, so two of them never wait for each other (a deadlock otherwise, found by
 * {@code TwoNodeFaultIT}: a timer job that deleted its job row and then updated the item, against an offer that
 * held the item and deleted the same timer).
 */
@Component
class WorkItemTransitions {

    private final EntityManager entityManager;
    private final WorkItemEventRepository events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    WorkItemTransitions(EntityManager entityManager, WorkItemEventRepository events, ApplicationEventPublisher publisher,
            Clock clock) {
        this.entityManager = entityManager;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    void publish(Object event) {
        publisher.publishEvent(event);
    }

    @FunctionalInterface
    interface Transition<T> {
        T apply(WorkItem item, Instant now);
    }

    WorkItem change(WorkItemRef ref, WorkItemEventType type, Actor actor,
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
    WorkItem releasing(WorkItemRef ref, WorkItemEventType type, Actor actor, Transition<String> transition,
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

    /**
     * The item's row, locked until the transaction ends. Read once per transaction: the delegates of one job (context,
     * service level, queue) change the same row in turn, and a row this transaction already locked is neither read
     * again nor flushed before each change (a query would do both). A row this transaction read earlier without the
     * lock is read again with it: another transaction may have changed it meanwhile, and this one writes the whole row.
     */
    Optional<WorkItem> lockRow(String id) {
        try {
            SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
            EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(WorkItem.class);
            Object managed = session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, persister));
            if (managed instanceof WorkItem item) {
                if (entityManager.getLockMode(item) != LockModeType.PESSIMISTIC_WRITE) {
                    entityManager.refresh(item, LockModeType.PESSIMISTIC_WRITE);
                }
                return Optional.of(item);
            }
            return Optional.ofNullable(entityManager.find(WorkItem.class, id, LockModeType.PESSIMISTIC_WRITE));
        }
        catch (PersistenceException e) {
            // as a repository would: a lock time-out or deadlock is a concurrency failure (409), not an error
            DataAccessException translated = EntityManagerFactoryUtils.convertJpaAccessExceptionIfPossible(e);
            throw translated != null ? translated : e;
        }
    }

    /** Locks the row. A reference with a process instance must name the row's own: no instance changes another's item. */
    WorkItem load(WorkItemRef ref) {
        WorkItem item = lockRow(ref.id()).orElseThrow(() -> new IllegalStateException("no work item " + ref.id()));
        if (ref.processInstanceId() != null && !ref.processInstanceId().equals(item.processInstanceId())) {
            throw new IllegalStateException("process instance " + ref.processInstanceId() + " is not the process of work item "
                    + ref.id());
        }
        return item;
    }

    void record(WorkItem item, WorkItemEventType type, Actor actor, Instant now, Map<String, Object> details) {
        WorkItemEvent event = events.save(new WorkItemEvent(item.id(), type, item.state(), actor, agentOf(item, details),
                now, details, item.reportedAs()));
        // in this transaction: whoever keeps facts of the log (insights) takes note of the event with it
        publisher.publishEvent(new WorkItemEventRecorded(event.id()));
    }

    /** The agent the event concerns: who holds the item now, else the one it just left. */
    private static String agentOf(WorkItem item, Map<String, Object> details) {
        if (item.assignee() != null) {
            return item.assignee();
        }
        if (details == null) {
            return null;
        }
        Object released = details.getOrDefault("releasedAgent", details.get("agent"));
        return released instanceof String agent ? agent : null;
    }

    static Map<String, Object> details(Object... keysAndValues) {
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
