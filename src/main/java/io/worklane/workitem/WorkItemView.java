package io.worklane.workitem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A work item as the API and the other capabilities see it. */
public record WorkItemView(String id, String externalId, String sourceSystem, WorkItemState state,
        String department, String process, String customerId, String customerSegment, String product,
        String subproduct, String requestType, BigDecimal dealValue, String description, String contactNumber,
        String alternativeContactNumber, String name, String surname, String preferredAgent, String mediaType,
        String sourceUrl, Map<String, Object> attributes, Integer priority, String requiredSkill,
        String targetLevel, String assignee, String rejectionReason, Instant capturedAt, Instant activationAt,
        Instant dueAt, Instant queuedAt, Instant assignedAt, Instant completedAt, boolean overdue) {
}
