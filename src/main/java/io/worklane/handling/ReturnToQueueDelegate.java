package io.worklane.handling;

import static io.worklane.workitem.WorkItemProcess.WORK_ITEM_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.WorkItems;

/**
 * "Return to queue": the source system did not confirm completion in time, so the item goes back into
 * distribution with its priority; nothing gets stuck because a "Mark done" was pressed by mistake.
 */
@Component
class ReturnToQueueDelegate implements JavaDelegate {

    private final WorkItems workItems;

    ReturnToQueueDelegate(WorkItems workItems) {
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workItems.confirmationOverdue((String) execution.getVariable(WORK_ITEM_ID));
    }
}
