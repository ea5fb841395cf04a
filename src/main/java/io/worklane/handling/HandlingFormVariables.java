package io.worklane.handling;

import static io.worklane.workitem.WorkItemProcess.CLASSIFIED_DEPARTMENT;
import static org.camunda.spin.Spin.JSON;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the handling form its choices when the task is created, as task variables: the actions this department
 * allows (no Mark done where it is disabled) and the configured disposition codes.
 */
@Component
class HandlingFormVariables {

    private final HandlingRules rules;

    HandlingFormVariables(HandlingRules rules) {
        this.rules = rules;
    }

    @EventListener(condition = "#task.eventName == 'create' && #task.taskDefinitionKey == 'Activity_HandleWorkItem'")
    void onCreate(DelegateTask task) {
        String department = (String) task.getVariable(CLASSIFIED_DEPARTMENT);
        List<Map<String, String>> actions = rules.actionsFor(department)
            .stream()
            .map(action -> Map.of("label", action.label(), "value", action.name()))
            .toList();
        List<Map<String, String>> codes = rules.dispositionCodes()
            .stream()
            .map(code -> Map.of("label", code, "value", code))
            .toList();
        task.setVariableLocal("handlingActions", SpinValues.jsonValue(JSON(actions)).create());
        task.setVariableLocal("dispositionCodes", SpinValues.jsonValue(JSON(codes)).create());
    }
}
