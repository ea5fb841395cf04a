package io.worklane.workitem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * What an item's priority and service level are computed from: the contract between this module and the priority
 * capability (and the queue's steps that ask it), narrower than the API's {@link WorkItemView}.
 *
 * @param slaStart where the SLA and the curve start: the activation date when it lies after capture, else capture
 * @param requestedPriority the priority the source system asked for; null: none
 * @param terms what the service level chose; null before it is decided
 * @param override a supervisor's priority override; null: none
 * @param segmentation what the rules may read of the item besides their own inputs
 */
public record PriorityView(String id, String processInstanceId, WorkItemState state, String mediaType,
        Instant capturedAt, Instant slaStart, Instant dueAt, Integer requestedPriority, PriorityTerms terms,
        PriorityOverride override, Segmentation segmentation) {

    /** The value and segmentation attributes the source sent (or a lookup filled), and its custom attributes. */
    public record Segmentation(String sourceSystem, String customerSegment, String product, String subproduct,
            String requestType, BigDecimal dealValue, Map<String, Object> attributes) {
    }
}
