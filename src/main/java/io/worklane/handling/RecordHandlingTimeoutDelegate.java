package io.worklane.handling;

import static io.worklane.workitem.WorkItemProcess.HANDLING_TIMEOUT_ACTION;
import static io.worklane.workitem.WorkItemProcess.NEXT_STEP;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/**
 * "Record handling time-out": the agent had the item longer than its service level allows, with neither Mark done
 * nor the source's completion (the seed's "close in source system"). What happens is the row's word, not a variable:
 * back to the queue (the branch after this takes it from the agent), or an exception task for the supervisors.
 */
@Component
class RecordHandlingTimeoutDelegate implements JavaDelegate {

    private final WorkItems workItems;

    RecordHandlingTimeoutDelegate(WorkItems workItems) {
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String action = workItems.handlingTimedOut(WorkItemRef.of(execution));
        execution.setVariable(HANDLING_TIMEOUT_ACTION, action);
        if ("RETURN_TO_QUEUE".equals(action)) {
            // after "Handling", a taken item goes the way of a transfer to a skill target: to the queue
            execution.setVariable(NEXT_STEP, "QUEUE");
        }
    }
}
