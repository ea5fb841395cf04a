package io.worklane.capture;

import static io.worklane.workitem.WorkItemProcess.WORK_ITEM_ID;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.Actor;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItemState;
import io.worklane.workitem.WorkItemView;
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
        EngineCaller.dropForgedVariables(execution);
        String id = execution.getProcessBusinessKey();
        WorkItemView item = workItems.lock(id == null ? "" : id)
            .filter(found -> found.state() == WorkItemState.COMPLETED || found.state() == WorkItemState.CANCELED)
            .orElseThrow(() -> new BadUserRequestException("Only a completed or canceled work item restarts; " + id
                    + " is none."));
        String caller = EngineCaller.boundSourceSystem(execution);
        if (caller != null && !caller.equals(item.sourceSystem())) {
            throw new BadUserRequestException("Work item " + id + " belongs to another source system.");
        }
        workItems.restart(WorkItemRef.of(execution), CaptureVariables.requireSubmitted(execution),
                Actor.of(execution, Actor.system("engine")));
        execution.setVariable(WORK_ITEM_ID, id);
    }
}
