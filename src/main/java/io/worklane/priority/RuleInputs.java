package io.worklane.priority;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.worklane.workitem.PriorityView;
import io.worklane.workitem.WorkItemProcess;

/**
 * What the service-level and priority-schema rules read of an item besides their own inputs, taken from its
 * {@code work_item} row: the value and segmentation attributes the source sent (or a lookup filled), and its custom
 * attributes as the FEEL context {@code customAttributes}, so that a rule column reads {@code customAttributes.cartItems}.
 * An attribute the item lacks is null, as FEEL reads an absent variable; {@code customAttributes} is never null.
 */
final class RuleInputs {

    /** The variable under which a rule reads the item's custom attributes. */
    static final String CUSTOM_ATTRIBUTES = "customAttributes";

    private RuleInputs() {
    }

    static Map<String, Object> of(PriorityView view) {
        PriorityView.Segmentation item = view.segmentation();
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(WorkItemProcess.SOURCE_SYSTEM, item.sourceSystem());
        inputs.put(WorkItemProcess.CUSTOMER_SEGMENT, item.customerSegment());
        inputs.put(WorkItemProcess.PRODUCT, item.product());
        inputs.put(WorkItemProcess.SUBPRODUCT, item.subproduct());
        inputs.put(WorkItemProcess.REQUEST_TYPE, item.requestType());
        inputs.put(WorkItemProcess.MEDIA_TYPE, view.mediaType());
        // a double, as the capture variable is: FEEL compares numbers alike either way
        inputs.put(WorkItemProcess.DEAL_VALUE, item.dealValue() == null ? null : item.dealValue().doubleValue());
        inputs.put(CUSTOM_ATTRIBUTES, item.attributes() == null ? Map.of() : new LinkedHashMap<>(item.attributes()));
        return inputs;
    }
}
