package io.worklane.priority;

import static io.worklane.workitem.WorkItemProcess.SERVICE_LEVEL_RULES;

import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import io.worklane.workitem.ActivityStartHook;
import io.worklane.workitem.PriorityView;
import io.worklane.workitem.WorkItems;

/**
 * Puts together what {@code decisions/service-level.dmn} reads of the item, from its {@code work_item} row, as
 * "Determine service level" (after classification and reclassification) and "Determine service level again" (at
 * each priority step) start: the custom attributes as the FEEL context {@code customAttributes} (transient: gone
 * with the transaction, never stored per item), and the value and segmentation attributes set from the row wherever
 * a variable says otherwise. The rules never read back a variable a user could have set. It also notes which version
 * of the decision is the latest as it starts ({@code serviceLevelRules}, transient), recorded with the item's terms.
 */
@Component
class ServiceLevelInputs implements ActivityStartHook {

    private final WorkItems workItems;
    private final ServiceLevelRules serviceLevelRules;

    ServiceLevelInputs(WorkItems workItems, ServiceLevelRules serviceLevelRules) {
        this.workItems = workItems;
        this.serviceLevelRules = serviceLevelRules;
    }

    @Override
    public Set<String> activityIds() {
        return Set.of("Activity_DetermineServiceLevel", "Activity_RedetermineServiceLevel");
    }

    @Override
    public void onStart(DelegateExecution execution) {
        // read before the decision: a version deployed meanwhile is newer than the one recorded, never older
        execution.setVariable(SERVICE_LEVEL_RULES, Variables.stringValue(serviceLevelRules.latest(), true));
        PriorityView item = workItems.priorityView(execution.getProcessBusinessKey());
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
