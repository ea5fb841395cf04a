package io.worklane.workitem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A work item as the API shows it, and as capabilities read it that act on the whole item. The priority and routing
 * capabilities read their narrow views ({@link PriorityView}, {@link RoutingView}).
 */
public record WorkItemView(String id, String externalId, String sourceSystem, WorkItemState state,
        String department, String process, String customerId, String customerSegment, String product,
        String subproduct, String requestType, BigDecimal dealValue, String description, String contactNumber,
        String alternativeContactNumber, String name, String surname, String preferredAgent, String mediaType,
        String sourceUrl, Map<String, Object> attributes, Integer priority, String requiredSkill,
        String targetLevel, String assignee, String rejectionReason, int restartCount, Instant capturedAt,
        Instant activationAt, Instant dueAt, Instant queuedAt, Instant assignedAt, Instant doneAt, Instant heldAt,
        Instant completedAt, Instant canceledAt, boolean overdue, Instant overdueAt, String prioritySchema,
        String businessCalendar, Instant nextReprioritizationAt, String targetExpression,
        Instant nextTargetExpansionAt, String transferTarget, String disposition, Instant parkedAt, Instant offerExpiresAt,
        PriorityOverride priorityOverride, Map<String, Object> contextData, @JsonIgnore String processInstanceId,
        @JsonIgnore Requested requested) {

    /**
     * Where the item's SLA and priority curve start: its activation date when that lies after capture, else its
     * capture.
     */
    public Instant slaStart() {
        return WorkItem.slaStart(activationAt, capturedAt);
    }

    /** What the source system asked for, where the rules may have decided otherwise. */
    public record Requested(String department, String process, Integer priority, Instant dueAt) {
    }
}
