package io.worklane.workitem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One append-only row of {@code work_item_event}; never updated. Immutable to Hibernate too: the JSON details read
 * back unequal to the map written (numbers change type), which its dirty check took for a change and wrote again.
 */
@Entity
@Immutable
@Table(name = "work_item_event")
class WorkItemEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String workItemId;
    @Enumerated(EnumType.STRING)
    private WorkItemEventType type;
    @Enumerated(EnumType.STRING)
    private WorkItemState state;
    @Enumerated(EnumType.STRING)
    private Actor.Type actorType;
    private String actorId;
    private String agentId;
    private Instant occurredAt;
    @Convert(converter = JsonMapConverter.class)
    @Column(columnDefinition = "text")
    private Map<String, Object> details;
    private String department;
    private String process;
    private String customerSegment;
    private String sourceSystem;
    private String mediaType;
    private Integer priority;
    private BigDecimal dealValue;
    private Instant dueAt;

    /** The item as reports see it when the event happens (db/migration V16). */
    record ReportedAs(String department, String process, String customerSegment, String sourceSystem, String mediaType,
            Integer priority, BigDecimal dealValue, Instant dueAt) {
    }

    protected WorkItemEvent() {
    }

    WorkItemEvent(String workItemId, WorkItemEventType type, WorkItemState state, Actor actor, String agentId,
            Instant occurredAt, Map<String, Object> details, ReportedAs reportedAs) {
        this.agentId = agentId;
        this.department = reportedAs.department();
        this.process = reportedAs.process();
        this.customerSegment = reportedAs.customerSegment();
        this.sourceSystem = reportedAs.sourceSystem();
        this.mediaType = reportedAs.mediaType();
        this.priority = reportedAs.priority();
        this.dealValue = reportedAs.dealValue();
        this.dueAt = reportedAs.dueAt();
        this.workItemId = workItemId;
        this.type = type;
        this.state = state;
        this.actorType = actor.type();
        this.actorId = actor.id();
        this.occurredAt = occurredAt;
        this.details = details;
    }

    Long id() {
        return id;
    }

    WorkItemEventView toView() {
        return new WorkItemEventView(id, type, state, new Actor(actorType, actorId), occurredAt, details);
    }
}
