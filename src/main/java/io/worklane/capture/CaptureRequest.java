package io.worklane.capture;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The capture body of {@code POST /api/work-items}; all but the first two fields are optional. Its fields are the
 * {@link io.worklane.workitem.CaptureAttribute}s, whose rules {@link CaptureRules} checks (for every door alike).
 */
record CaptureRequest(
        String externalId,
        String sourceSystem,
        String department,
        String process,
        String customerId,
        String customerSegment,
        String product,
        String subproduct,
        String requestType,
        BigDecimal dealValue,
        String description,
        String contactNumber,
        String alternativeContactNumber,
        String name,
        String surname,
        String preferredAgent,
        Instant activationAt,
        Instant dueAt,
        Integer priority,
        String sourceUrl,
        String mediaType,
        Map<String, Object> attributes) {
}
