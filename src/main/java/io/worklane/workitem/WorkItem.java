package io.worklane.workitem;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;

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

    /** The handling time-out's action that leaves the item with its agent; any other (RETURN_TO_QUEUE) takes it. */
    static final String HANDLING_TIMEOUT_EXCEPTION = "EXCEPTION";

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
    // null when all its columns are (Hibernate's way with embeddables): read through priorityState()/routing()
    @Embedded
    private PriorityState priorityState;
    private String requiredSkill;
    @Embedded
    private RoutingState routing;
    private String disposition;
    private Instant parkedAt;
    /** When an OFFERED item's offer times out (RONA); null in every other state. */
    private Instant offerExpiresAt;
    private String confirmationTimeout;
    private String handlingTimeout;
    private String handlingTimeoutAction;
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
        priorityState().terms(outcome.terms());
        priorityState().nextStepAt(null);
        priorityState().dueAt(dueAt, now);
        routing().plan(outcome.routingPlan());
        requiredSkill = outcome.requiredSkill();
        confirmationTimeout = outcome.confirmationTimeout();
        handlingTimeout = outcome.handlingTimeout();
        handlingTimeoutAction = outcome.handlingTimeoutAction();
        moveTo(outcome.scheduled() ? WorkItemState.SCHEDULED : state, now);
    }

    void queue(int priority, Instant nextReprioritizationAt, Instant now) {
        moveTo(WorkItemState.QUEUED, now);
        queuedAt = now;
        this.priority = priority;
        priorityState().nextStepAt(nextReprioritizationAt);
    }

    void target(RoutingTarget target, Instant now) {
        routing().target(target);
        updatedAt = now;
    }

    /** The agent keeps the item in their workbin. */
    void park(Instant now) {
        requireIn(WorkItemState.IN_PROGRESS, "parked");
        moveTo(WorkItemState.PARKED, now);
        parkedAt = now;
    }

    /** Back from the workbin into handling, by its agent or, reassigned, by another. @return the former agent */
    String pull(String agentId, Instant now) {
        requireIn(WorkItemState.PARKED, "pulled");
        return handTo(agentId, now);
    }

    /** Another agent handles the item from now on. @return the former agent */
    String transferTo(String agentId, Instant now) {
        requireIn(WorkItemState.IN_PROGRESS, "transferred");
        return handTo(agentId, now);
    }

    /** Back to the queue for agents matching {@code target}, which replaces the routing targets for a while. */
    String transferToTarget(String target, Instant now) {
        requireIn(WorkItemState.IN_PROGRESS, "transferred");
        routing().transferTo(target);
        return release(WorkItemState.QUEUED, now);
    }

    /** A supervisor takes a parked item out of its agent's workbin, back into distribution. */
    String returnToQueue(Instant now) {
        requireIn(WorkItemState.PARKED, "returned to the queue");
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

    /**
     * The BPMN decides which transition happens when, and the row is locked before it changes: a row in another
     * state was moved on by a transaction that committed while this one waited for the lock (an offer while a
     * reprioritization timer fired). This one's engine changes are stale too, so it ends as the engine's own
     * clash does: rolled back, a job retried without using up a retry, an API call answered 409.
     */
    private void requireIn(WorkItemState expected, String what) {
        if (state != expected) {
            throw new OptimisticLockingException("work item " + id + " is " + state + ", not " + expected
                    + "; it cannot be " + what + " (a concurrent transaction moved it on)");
        }
    }

    void accept(Instant now) {
        requireIn(WorkItemState.OFFERED, "accepted");
        offerExpiresAt = null;
        moveTo(WorkItemState.IN_PROGRESS, now);
    }

    /**
     * The agent said no, or did not answer in time: the offer ends and the item goes back to the queue, where it
     * is not offered to that agent again until someone else has taken it. @return the agent
     */
    String withdrawOffer(Instant now) {
        requireIn(WorkItemState.OFFERED, "withdrawn");
        routing().declinedBy(assignee);
        return release(WorkItemState.QUEUED, now);
    }

    /** A supervisor's priority in place of the curve (null: back to the curve, with this priority). */
    void overridePriority(PriorityOverride override, int priority, Instant nextReprioritizationAt, Instant now) {
        requireQueued("given a priority");
        priorityState().override(override);
        priorityState().nextStepAt(nextReprioritizationAt);
        this.priority = priority;
        updatedAt = now;
    }

    /** @return whether the priority changed */
    boolean reprioritize(int priority, PriorityTerms terms, Instant nextReprioritizationAt, Instant now) {
        requireQueued("reprioritized");
        if (priorityState().override(now) == null) {
            // an expired override is history (its event says so)
            priorityState().override((PriorityOverride) null);
        }
        boolean changed = this.priority == null || this.priority != priority;
        this.priority = priority;
        priorityState().terms(terms);
        priorityState().nextStepAt(nextReprioritizationAt);
        updatedAt = now;
        return changed;
    }

    /** @return whether this is news: the item was not overdue before */
    boolean markOverdue(int overduePriority, Instant now) {
        requireQueued("marked overdue");
        priority = overduePriority;
        updatedAt = now;
        return priorityState().overdue(now);
    }

    void requireQueued(String what) {
        requireIn(WorkItemState.QUEUED, what);
    }

    /**
     * @param answerBy when the offer times out if the agent answers it first (OFFERED); null: the item is theirs at
     *            once
     */
    void assign(String agentId, Instant answerBy, Instant now) {
        requireQueued("offered");
        moveTo(answerBy != null ? WorkItemState.OFFERED : WorkItemState.IN_PROGRESS, now);
        offerExpiresAt = answerBy;
        priorityState().nextStepAt(null);
        routing().offeredTo(agentId);
        assignee = agentId;
        assignedAt = now;
    }

    /**
     * The agent had the item longer than its service level's handling time-out: back to the queue (RETURN_TO_QUEUE),
     * or left with the agent for a supervisor's exception task (EXCEPTION). @return the agent it leaves, or null
     */
    String handlingTimedOut(Instant now) {
        requireIn(WorkItemState.IN_PROGRESS, "timed out in handling");
        updatedAt = now;
        return HANDLING_TIMEOUT_EXCEPTION.equals(handlingTimeoutAction) ? null : release(WorkItemState.QUEUED, now);
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
        routing = new RoutingState();
        priorityState = new PriorityState();
        disposition = null;
        parkedAt = null;
        confirmationTimeout = null;
        handlingTimeout = null;
        handlingTimeoutAction = null;
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
        priorityState().nextStepAt(null);
        assignee = null;
        offerExpiresAt = null;
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
        PriorityState p = priorityState();
        RoutingState r = routing();
        boolean overdue = dueAt != null && !state.isEnd() && dueAt.isBefore(now);
        return new WorkItemView(id, externalId, sourceSystem, state, department, process, c.customerId(),
                c.customerSegment(), c.product(), c.subproduct(), c.requestType(), c.dealValue(), c.description(),
                c.contactNumber(), c.alternativeContactNumber(), c.name(), c.surname(), c.preferredAgent(),
                c.mediaType(), c.sourceUrl(), c.attributes(), priority, requiredSkill, r.targetLevel(), assignee,
                rejectionReason, restartCount, capturedAt, activationAt, dueAt, queuedAt, assignedAt, doneAt, heldAt,
                completedAt, canceledAt, overdue, p.overdueAt(), p.schema(), p.businessCalendar(),
                p.nextReprioritizationAt(), r.targetExpression(), r.nextTargetExpansionAt(), r.transferTarget(),
                disposition, parkedAt, offerExpiresAt, p.override(now), contextData(), processInstanceId,
                new WorkItemView.Requested(requestedDepartment, requestedProcess, requestedPriority, requestedDueAt));
    }

    PriorityView toPriorityView(Instant now) {
        CaseAttributes c = caseAttributes;
        PriorityState p = priorityState();
        return new PriorityView(id, processInstanceId, state, c.mediaType(), capturedAt, slaStart(), dueAt,
                requestedPriority, p.terms(), p.override(now), new PriorityView.Segmentation(sourceSystem,
                        c.customerSegment(), c.product(), c.subproduct(), c.requestType(), c.dealValue(), c.attributes()));
    }

    RoutingView toRoutingView() {
        RoutingState r = routing();
        return new RoutingView(id, queuedAt, slaStart(), dueAt, caseAttributes.preferredAgent(), r.transferTarget(),
                r.plan());
    }

    private Instant slaStart() {
        return slaStart(activationAt, capturedAt);
    }

    /** Where the SLA and the priority curve start: the activation date when it lies after capture, else capture. */
    static Instant slaStart(Instant activationAt, Instant capturedAt) {
        return activationAt != null && activationAt.isAfter(capturedAt) ? activationAt : capturedAt;
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

    String handlingTimeout() {
        return handlingTimeout;
    }

    String handlingTimeoutAction() {
        return handlingTimeoutAction;
    }

    Map<String, Object> contextData() {
        return contextData == null ? Map.of() : contextData;
    }

    WorkItemState state() {
        return state;
    }

    Integer priority() {
        return priority;
    }

    /** What decided the item's terms no longer counts as current: its next priority step decides again. */
    void serviceLevelOutdated() {
        priorityState().decidedBy(null);
    }

    String requiredSkill() {
        return requiredSkill;
    }

    private PriorityState priorityState() {
        if (priorityState == null) {
            priorityState = new PriorityState();
        }
        return priorityState;
    }

    private RoutingState routing() {
        if (routing == null) {
            routing = new RoutingState();
        }
        return routing;
    }

    String mediaType() {
        return caseAttributes.mediaType();
    }

    /** What reports group an event of this item by, and the figures they take from it, as they are now. */
    WorkItemEvent.ReportedAs reportedAs() {
        return new WorkItemEvent.ReportedAs(department, process, caseAttributes.customerSegment(), sourceSystem,
                caseAttributes.mediaType(), priority, caseAttributes.dealValue(), dueAt);
    }

    String assignee() {
        return assignee;
    }
}
