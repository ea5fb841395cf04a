package io.worklane.workitem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A captured item as the process registers it, before classification. */
public record NewWorkItem(String id, String processInstanceId, String externalId, String sourceSystem,
        String department, String process, String customerId, String customerSegment, String product,
        String subproduct, String requestType, BigDecimal dealValue, String description, String contactNumber,
        String alternativeContactNumber, String name, String surname, String preferredAgent, String mediaType,
        String sourceUrl, Map<String, Object> attributes, Integer priority, Instant activationAt, Instant dueAt) {
}
