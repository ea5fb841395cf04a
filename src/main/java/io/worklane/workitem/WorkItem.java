package io.worklane.workitem;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * One row of the universal-queue projection. The BPMN decides which transition happens when; the methods here
 * only keep the row consistent and refuse to bring an ended item back to life (except by restart).
 */
@Entity
@Table(name = "work_item")
class WorkItem implements Persistable<String> {

    /** Set for a row created here, so that saving inserts (and a duplicate id fails) rather than merges. */
    @Transient
    private boolean isNew;

    @Id
    private String id;
    private String processInstanceId;
    private String sourceSystem;
    private String externalId;
    @Enumerated(EnumType.STRING)
    private WorkItemState state;
    private String department;
    private String process;
    private String requestedDepartment;
    private String requestedProcess;
    private Integer requestedPriority;
    private Instant requestedDueAt;
    @Embedded
    private CaseAttributes caseAttributes;
    @Convert(converter = JsonMapConverter.class)
    @Column(columnDefinition = "text")
    private Map<String, Object> contextData;
    private Integer priority;
    private String prioritySchema;
    private Integer minPriority;
    private Integer maxPriority;
    private String businessCalendar;
    private Instant nextReprioritizationAt;
    private Instant overdueAt;
    private String requiredSkill;
    private String targetLevel;
    private String targetExpression;
    private String targetSkill;
    private Integer targetMinProficiency;
    private Instant nextTargetExpansionAt;
    private String primaryTarget;
    private String secondaryTarget;
    private String tertiaryTarget;
    private Integer primaryTimeoutPercent;
    private Integer secondaryTimeoutPercent;
    private String declinedBy;
    private String disposition;
    private String transferTarget;
    private Instant parkedAt;
    private String confirmationTimeout;
    private String rejectionReason;
    private String assignee;
    private int restartCount;
    private Instant capturedAt;
    private Instant activationAt;
    private Instant dueAt;
    private Instant queuedAt;
    private Instant assignedAt;
    private Instant doneAt;
    private Instant heldAt;
    private Instant completedAt;
    private Instant canceledAt;
    private Instant updatedAt;

    protected WorkItem() {
    }

    static WorkItem registered(NewWorkItem item, Instant now) {
        WorkItem w = new WorkItem();
        w.isNew = true;
        w.id = item.id();
        w.processInstanceId = item.processInstanceId();
        w.sourceSystem = item.sourceSystem();
        w.externalId = item.externalId();
        w.state = WorkItemState.CAPTURED;
        w.capturedAt = now;
        w.takeAttributes(item, now);
        return w;
    }

    /** Copies what the source system says; until the rules run again, it is also the best answer there is. */
    void takeAttributes(NewWorkItem item, Instant now) {
        requestedDepartment = item.department();
        requestedProcess = item.process();
        requestedPriority = item.priority();
        requestedDueAt = item.dueAt();
        if (state == WorkItemState.CAPTURED) {
            department = item.department();
            process = item.process();
            priority = item.priority();
            dueAt = item.dueAt();
        }
        caseAttributes = CaseAttributes.of(item);
        activationAt = item.activationAt();
        updatedAt = now;
    }

    /** The source system now says what these are: a later lookup must neither ask for nor clear them. */
    void sourceOwns(Collection<String> attributes) {
        if (contextData != null) {
            attributes.forEach(contextData::remove);
        }
    }

    /**
     * Looked-up values fill the standard attributes they name (unless too long for their column); the accepted
     * values are kept as context data.
     */
    void recordContext(Map<String, Object> values, Instant now) {
        if (contextData != null) {
            // what an earlier lookup filled and this one did not: no longer known
            contextData.keySet().stream().filter(key -> !values.containsKey(key)).forEach(key -> caseAttributes.fill(key, null));
        }
        Map<String, Object> accepted = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (caseAttributes.fill(key, value) || !CaseAttributes.isStandard(key)) {
                accepted.put(key, value);
            }
        });
        contextData = accepted;
        updatedAt = now;
    }

    void reject(String reason, Instant now) {
        moveTo(WorkItemState.REJECTED, now);
        rejectionReason = reason;
    }

    void applyServiceLevel(ServiceLevelOutcome outcome, Instant now) {
        department = outcome.department();
        process = outcome.process();
        priority = outcome.priority();
        dueAt = outcome.dueAt();
        takeTerms(outcome.terms());
        nextReprioritizationAt = null;
        RoutingPlan plan = outcome.routingPlan();
        primaryTarget = plan.primaryTarget();
        secondaryTarget = plan.secondaryTarget();
        tertiaryTarget = plan.tertiaryTarget();
        primaryTimeoutPercent = plan.primaryTimeoutPercent();
        secondaryTimeoutPercent = plan.secondaryTimeoutPercent();
        // a new due date (reclassify, reschedule) may lie ahead again
        if (overdueAt != null && dueAt.isAfter(now)) {
            overdueAt = null;
        }
        requiredSkill = outcome.requiredSkill();
        confirmationTimeout = outcome.confirmationTimeout();
        moveTo(outcome.scheduled() ? WorkItemState.SCHEDULED : state, now);
    }

    void queue(int priority, Instant nextReprioritizationAt, Instant now) {
        moveTo(WorkItemState.QUEUED, now);
        queuedAt = now;
        this.priority = priority;
        this.nextReprioritizationAt = nextReprioritizationAt;
    }

    void target(RoutingTarget target, Instant now) {
        targetLevel = target.level();
        targetExpression = target.expression();
        targetSkill = target.skill();
        targetMinProficiency = target.minProficiency();
        nextTargetExpansionAt = target.nextExpansionAt();
        updatedAt = now;
    }

    /** The agent keeps the item in their workbin. */
    void park(Instant now) {
        requireHeld(WorkItemState.IN_PROGRESS, "parked");
        moveTo(WorkItemState.PARKED, now);
        parkedAt = now;
    }

    /** Back from the workbin into handling, by its agent or, reassigned, by another. @return the former agent */
    String pull(String agentId, Instant now) {
        requireHeld(WorkItemState.PARKED, "pulled");
        return handTo(agentId, now);
    }

    /** Another agent handles the item from now on. @return the former agent */
    String transferTo(String agentId, Instant now) {
        requireHeld(WorkItemState.IN_PROGRESS, "transferred");
        return handTo(agentId, now);
    }

    /** Back to the queue for agents matching {@code target}, which replaces the routing targets for a while. */
    String transferToTarget(String target, Instant now) {
        requireHeld(WorkItemState.IN_PROGRESS, "transferred");
        transferTarget = target;
        return release(WorkItemState.QUEUED, now);
    }

    /** A supervisor takes a parked item out of its agent's workbin, back into distribution. */
    String returnToQueue(Instant now) {
        requireHeld(WorkItemState.PARKED, "returned to the queue");
        return release(WorkItemState.QUEUED, now);
    }

    void recordDisposition(String code, Instant now) {
        disposition = code;
        updatedAt = now;
    }

    private String handTo(String agentId, Instant now) {
        String before = assignee;
        moveTo(WorkItemState.IN_PROGRESS, now);
        assignee = agentId;
        assignedAt = now;
        parkedAt = null;
        return before;
    }

    private void requireHeld(WorkItemState expected, String what) {
        if (state != expected) {
            throw new IllegalStateException("work item " + id + " is " + state + ", not " + expected + "; it cannot be " + what);
        }
    }

    void accept(Instant now) {
        requireOffered("accepted");
        moveTo(WorkItemState.IN_PROGRESS, now);
    }

    /**
     * The agent said no, or did not answer in time: the offer ends and the item goes back to the queue, where it
     * is not offered to that agent again until someone else has taken it. @return the agent
     */
    String withdrawOffer(Instant now) {
        requireOffered("withdrawn");
        declinedBy = assignee;
        return release(WorkItemState.QUEUED, now);
    }

    private void requireOffered(String what) {
        if (state != WorkItemState.OFFERED) {
            throw new IllegalStateException("work item " + id + " is " + state + ", not OFFERED; it cannot be " + what);
        }
    }

    /** @return whether the priority changed */
    boolean reprioritize(int priority, PriorityTerms terms, Instant nextReprioritizationAt, Instant now) {
        requireQueued("reprioritized");
        boolean changed = this.priority == null || this.priority != priority;
        this.priority = priority;
        takeTerms(terms);
        this.nextReprioritizationAt = nextReprioritizationAt;
        updatedAt = now;
        return changed;
    }

    /** @return whether this is news: the item was not overdue before */
    boolean markOverdue(int overduePriority, Instant now) {
        requireQueued("marked overdue");
        boolean news = overdueAt == null;
        if (news) {
            overdueAt = now;
        }
        priority = overduePriority;
        nextReprioritizationAt = null;
        updatedAt = now;
        return news;
    }

    private void takeTerms(PriorityTerms terms) {
        prioritySchema = terms.schema();
        minPriority = terms.minPriority();
        maxPriority = terms.maxPriority();
        businessCalendar = terms.businessCalendar();
    }

    void requireQueued(String what) {
        if (state != WorkItemState.QUEUED) {
            throw new IllegalStateException("work item " + id + " is " + state + ", not QUEUED; it cannot be " + what);
        }
    }

    /** @param awaitingAnswer the agent answers the offer first (OFFERED); else the item is theirs at once */
    void assign(String agentId, boolean awaitingAnswer, Instant now) {
        requireQueued("offered");
        moveTo(awaitingAnswer ? WorkItemState.OFFERED : WorkItemState.IN_PROGRESS, now);
        nextReprioritizationAt = null;
        nextTargetExpansionAt = null;
        if (!agentId.equals(declinedBy)) {
            declinedBy = null;
        }
        // a transfer target holds for one offer
        transferTarget = null;
        assignee = agentId;
        assignedAt = now;
    }

    /** Waits for the source's confirmation where the service level asks for it. @return the agent that held it */
    String markDone(Instant now) {
        doneAt = now;
        return release(confirmationTimeout != null ? WorkItemState.AWAITING_CONFIRMATION : state, now);
    }

    /** Back to the beginning of distribution: classification runs again. */
    String restartDistribution(Instant now) {
        heldAt = null;
        return release(WorkItemState.CAPTURED, now);
    }

    String hold(Instant now) {
        heldAt = now;
        return release(WorkItemState.HELD, now);
    }

    String cancel(Instant now) {
        canceledAt = now;
        return release(WorkItemState.CANCELED, now);
    }

    String complete(Instant now) {
        completedAt = now;
        return release(WorkItemState.COMPLETED, now);
    }

    void restart(String newProcessInstanceId, NewWorkItem attributes, Instant now) {
        if (state != WorkItemState.COMPLETED && state != WorkItemState.CANCELED) {
            throw new IllegalStateException("work item " + id + " is " + state + "; only ended items restart");
        }
        processInstanceId = newProcessInstanceId;
        state = WorkItemState.CAPTURED;
        restartCount++;
        // the service level counts from the restart; everything the rules and lookups derived is derived anew
        capturedAt = now;
        takeAttributes(attributes, now);
        requiredSkill = null;
        targetLevel = null;
        targetExpression = null;
        targetSkill = null;
        targetMinProficiency = null;
        nextTargetExpansionAt = null;
        declinedBy = null;
        disposition = null;
        transferTarget = null;
        parkedAt = null;
        prioritySchema = null;
        minPriority = null;
        maxPriority = null;
        businessCalendar = null;
        nextReprioritizationAt = null;
        overdueAt = null;
        confirmationTimeout = null;
        contextData = null;
        queuedAt = null;
        assignedAt = null;
        doneAt = null;
        heldAt = null;
        completedAt = null;
        canceledAt = null;
    }

    private String release(WorkItemState next, Instant now) {
        String agent = assignee;
        nextReprioritizationAt = null;
        assignee = null;
        moveTo(next, now);
        return agent;
    }

    private void moveTo(WorkItemState next, Instant now) {
        if (state.isEnd() && next != state) {
            throw new IllegalStateException("work item " + id + " has ended " + state + "; it cannot become " + next);
        }
        state = next;
        updatedAt = now;
    }

    WorkItemView toView(Instant now) {
        CaseAttributes c = caseAttributes;
        boolean overdue = dueAt != null && !state.isEnd() && dueAt.isBefore(now);
        return new WorkItemView(id, externalId, sourceSystem, state, department, process, c.customerId(),
                c.customerSegment(), c.product(), c.subproduct(), c.requestType(), c.dealValue(), c.description(),
                c.contactNumber(), c.alternativeContactNumber(), c.name(), c.surname(), c.preferredAgent(),
                c.mediaType(), c.sourceUrl(), c.attributes(), priority, requiredSkill, targetLevel, assignee,
                rejectionReason, restartCount, capturedAt, activationAt, dueAt, queuedAt, assignedAt, doneAt, heldAt,
                completedAt, canceledAt, overdue, overdueAt, prioritySchema, businessCalendar, nextReprioritizationAt,
                targetExpression, nextTargetExpansionAt, transferTarget, disposition, parkedAt, contextData(),
                processInstanceId,
                prioritySchema == null ? null
                        : new PriorityTerms(prioritySchema, minPriority, maxPriority, businessCalendar),
                primaryTarget == null ? null
                        : new RoutingPlan(primaryTarget, secondaryTarget, tertiaryTarget, primaryTimeoutPercent,
                                secondaryTimeoutPercent),
                new WorkItemView.Requested(requestedDepartment, requestedProcess, requestedPriority, requestedDueAt));
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostPersist
    @PostLoad
    void markStored() {
        isNew = false;
    }

    String id() {
        return id;
    }

    String processInstanceId() {
        return processInstanceId;
    }

    String confirmationTimeout() {
        return confirmationTimeout;
    }

    Map<String, Object> contextData() {
        return contextData == null ? Map.of() : contextData;
    }

    WorkItemState state() {
        return state;
    }

    String requiredSkill() {
        return requiredSkill;
    }

    String transferTarget() {
        return transferTarget;
    }

    String mediaType() {
        return caseAttributes.mediaType();
    }
}
