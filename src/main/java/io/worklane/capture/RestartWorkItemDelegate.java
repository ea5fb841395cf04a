package io.worklane.capture;

import static io.worklane.workitem.WorkItemProcess.WORK_ITEM_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.Actor;
import io.worklane.workitem.WorkItems;

/**
 * "Restart work item": a completed or canceled item lives again in this new process instance (same id, same
 * business key), with the attributes the restart carried.
 */
@Component
class RestartWorkItemDelegate implements JavaDelegate {

    private final WorkItems workItems;

    RestartWorkItemDelegate(WorkItems workItems) {
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = execution.getProcessBusinessKey();
        workItems.restart(id, execution.getProcessInstanceId(), CaptureVariables.readValid(execution),
                Actor.of(execution, Actor.system("engine")));
        execution.setVariable(WORK_ITEM_ID, id);
    }
}
