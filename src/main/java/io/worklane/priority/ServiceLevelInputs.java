package io.worklane.priority;

import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

/**
 * Puts together what {@code decisions/service-level.dmn} reads of the item, from its {@code work_item} row, as
 * "Determine service level" (after classification and reclassification) and "Determine service level again" (at
 * each priority step) start: the custom attributes as the FEEL context {@code customAttributes} (transient: gone
 * with the transaction, never stored per item), and the value and segmentation attributes set from the row wherever
 * a variable says otherwise. The rules never read back a variable a user could have set.
 */
@Component
class ServiceLevelInputs {

    private final WorkItems workItems;

    ServiceLevelInputs(WorkItems workItems) {
        this.workItems = workItems;
    }

    @EventListener(condition = "#execution.eventName == 'start' && (#execution.currentActivityId == "
            + "'Activity_DetermineServiceLevel' || #execution.currentActivityId == 'Activity_RedetermineServiceLevel')")
    void onStart(DelegateExecution execution) {
        WorkItemView item = workItems.get(execution.getProcessBusinessKey());
        RuleInputs.of(item).forEach((name, value) -> {
            if (RuleInputs.CUSTOM_ATTRIBUTES.equals(name)) {
                execution.setVariable(name, Variables.untypedValue(value, true));
            }
            else if (!sameValue(execution.getVariable(name), value)) {
                execution.setVariable(name, value);
            }
        });
    }

    private static boolean sameValue(Object variable, Object row) {
        if (variable instanceof Number number && row instanceof Number other) {
            return Double.compare(number.doubleValue(), other.doubleValue()) == 0;
        }
        return Objects.equals(variable, row);
    }
}
