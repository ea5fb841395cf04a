package io.worklane.handling;

import static io.worklane.workitem.WorkItemProcess.ASSIGNEE;
import static io.worklane.workitem.WorkItemProcess.CONFIRMATION_TIMEOUT;
import static io.worklane.workitem.WorkItemProcess.WORK_ITEM_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.Actor;
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
        boolean awaitConfirmation = execution.getVariable(CONFIRMATION_TIMEOUT) != null;
        Actor agent = Actor.agent((String) execution.getVariable(ASSIGNEE));
        workItems.markDone((String) execution.getVariable(WORK_ITEM_ID), awaitConfirmation, agent);
    }
}
