package io.worklane.capture;

import static io.worklane.workitem.WorkItemProcess.CAPTURE_VARIABLES;
import static io.worklane.workitem.WorkItemProcess.CORE_ATTRIBUTES_VALID;
import static io.worklane.workitem.WorkItemProcess.REJECTION_REASON;
import static io.worklane.workitem.WorkItemProcess.WORK_ITEM_ID;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Validate core attributes": {@link WorkItemRegistration} registers the item and says whether it may go on. */
@Component
class ValidateCoreAttributesDelegate implements JavaDelegate {

    private final WorkItemRegistration registration;

    ValidateCoreAttributesDelegate(WorkItemRegistration registration) {
        this.registration = registration;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EngineCaller.dropForgedVariables(execution);
        EngineCaller.bindSourceSystem(execution);
        // Blank means not given. An absent variable stays absent: decisions (FEEL) and forms read it as null,
        // and a null row per attribute the source left out would be written and kept in history for every item.
        for (String name : CAPTURE_VARIABLES) {
            if (execution.getVariable(name) instanceof String text && text.isBlank()) {
                execution.setVariable(name, null);
            }
        }
        String id = registration.newItemId(execution.getProcessBusinessKey());
        if (!id.equals(execution.getProcessBusinessKey())) {
            execution.setProcessBusinessKey(id);
        }
        // the API's validated hand-over, else (a start over the engine REST API, checked at that door) the variables
        CaptureVariables.Reading reading = CaptureVariables.submitted(execution)
            .map(item -> new CaptureVariables.Reading(item, List.of()))
            .orElseGet(() -> CaptureVariables.read(id, execution.getProcessInstanceId(), execution));
        String rejection = registration.register(reading);
        execution.setVariable(WORK_ITEM_ID, id);
        execution.setVariable(CORE_ATTRIBUTES_VALID, rejection.isEmpty());
        if (!rejection.isEmpty()) {
            execution.setVariable(REJECTION_REASON, rejection);
        }
    }
}
