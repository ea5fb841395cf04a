package io.worklane.capture;

import static io.worklane.workitem.WorkItemProcess.REJECTION_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/** "Reject work item": the item ends REJECTED, with the reason in its history. */
@Component
class RejectWorkItemDelegate implements JavaDelegate {

    private final WorkItems workItems;

    RejectWorkItemDelegate(WorkItems workItems) {
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workItems.reject(WorkItemRef.of(execution), (String) execution.getVariable(REJECTION_REASON));
    }
}
