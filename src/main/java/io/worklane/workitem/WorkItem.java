package io.worklane.workitem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "work_item")
class WorkItem {

    @Id
    private String id;
    private String processInstanceId;
    private String sourceSystem;
    private String externalId;
    @Enumerated(EnumType.STRING)
    private WorkItemState state;
    private String department;
    private String process;
    private String customerId;
    private String customerSegment;
    private String product;
    private String subproduct;
    private String requestType;
    private BigDecimal dealValue;
    private String description;
    private String contactNumber;
    private String alternativeContactNumber;
    private String name;
    private String surname;
    private String preferredAgent;
    private String mediaType;
    private String sourceUrl;
    @Convert(converter = JsonMapConverter.class)
    @Column(columnDefinition = "text")
    private Map<String, Object> attributes;
    private Integer priority;
    private String requiredSkill;
    private String targetLevel;
    private String rejectionReason;
    private String assignee;
    private Instant capturedAt;
    private Instant activationAt;
    private Instant dueAt;
    private Instant queuedAt;
    private Instant assignedAt;
    private Instant completedAt;
    private Instant updatedAt;

    protected WorkItem() {
    }

    static WorkItem registered(NewWorkItem item, Instant now) {
        WorkItem w = new WorkItem();
        w.id = item.id();
        w.processInstanceId = item.processInstanceId();
        w.sourceSystem = item.sourceSystem();
        w.externalId = item.externalId();
        w.state = WorkItemState.CAPTURED;
        w.department = item.department();
        w.process = item.process();
        w.customerId = item.customerId();
        w.customerSegment = item.customerSegment();
        w.product = item.product();
        w.subproduct = item.subproduct();
        w.requestType = item.requestType();
        w.dealValue = item.dealValue();
        w.description = item.description();
        w.contactNumber = item.contactNumber();
        w.alternativeContactNumber = item.alternativeContactNumber();
        w.name = item.name();
        w.surname = item.surname();
        w.preferredAgent = item.preferredAgent();
        w.mediaType = item.mediaType();
        w.sourceUrl = item.sourceUrl();
        w.attributes = item.attributes();
        w.priority = item.priority();
        w.activationAt = item.activationAt();
        w.dueAt = item.dueAt();
        w.capturedAt = now;
        w.updatedAt = now;
        return w;
    }

    void reject(String reason, Instant now) {
        moveTo(WorkItemState.REJECTED, EnumSet.of(WorkItemState.CAPTURED), now);
        rejectionReason = reason;
    }

    void queue(Queueing queueing, Instant now) {
        moveTo(WorkItemState.QUEUED, EnumSet.of(WorkItemState.CAPTURED), now);
        department = queueing.department();
        process = queueing.process();
        priority = queueing.priority();
        dueAt = queueing.dueAt();
        requiredSkill = queueing.requiredSkill();
        targetLevel = queueing.targetLevel();
        queuedAt = now;
    }

    void assign(String agentId, Instant now) {
        moveTo(WorkItemState.IN_PROGRESS, EnumSet.of(WorkItemState.QUEUED), now);
        assignee = agentId;
        assignedAt = now;
    }

    void complete(Instant now) {
        moveTo(WorkItemState.COMPLETED, EnumSet.of(WorkItemState.IN_PROGRESS), now);
        completedAt = now;
    }

    private void moveTo(WorkItemState next, Set<WorkItemState> allowedFrom, Instant now) {
        if (!allowedFrom.contains(state)) {
            throw new IllegalStateException("work item " + id + " cannot become " + next + " from " + state);
        }
        state = next;
        updatedAt = now;
    }

    WorkItemView toView(Instant now) {
        boolean overdue = dueAt != null && !state.isEnd() && dueAt.isBefore(now);
        return new WorkItemView(id, externalId, sourceSystem, state, department, process, customerId,
                customerSegment, product, subproduct, requestType, dealValue, description, contactNumber,
                alternativeContactNumber, name, surname, preferredAgent, mediaType, sourceUrl, attributes, priority,
                requiredSkill, targetLevel, assignee, rejectionReason, capturedAt, activationAt, dueAt, queuedAt,
                assignedAt, completedAt, overdue);
    }

    String id() {
        return id;
    }

    WorkItemState state() {
        return state;
    }

    String assignee() {
        return assignee;
    }

    String requiredSkill() {
        return requiredSkill;
    }

    String mediaType() {
        return mediaType;
    }
}
