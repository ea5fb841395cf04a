package io.worklane.handling;

import static io.worklane.workitem.WorkItemProcess.CONFIRMATION_TIMEOUT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.Actor;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/**
 * "Record mark done": the agent is free for the next item. Where the rules ask for the source system's
 * confirmation, the item waits for it (AWAITING_CONFIRMATION); otherwise it completes now.
 */
@Component
class RecordMarkDoneDelegate implements JavaDelegate {

    private final WorkItems workItems;

    RecordMarkDoneDelegate(WorkItems workItems) {
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // the gateway and timer after this task read the variable: it says what the row says, whatever a task
        // completion may have set
        execution.setVariable(CONFIRMATION_TIMEOUT, workItems.markDone(WorkItemRef.of(execution),
                Actor.of(execution, null)));
    }
}
