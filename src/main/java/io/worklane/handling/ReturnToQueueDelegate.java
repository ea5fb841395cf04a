package io.worklane.handling;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.WorkItemRef;
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
        workItems.confirmationOverdue(WorkItemRef.of(execution));
    }
}
