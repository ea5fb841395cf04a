package io.worklane.handling;

import static io.worklane.workitem.WorkItemProcess.ASSIGNEE;
import static io.worklane.workitem.WorkItemProcess.NEXT_STEP;
import static io.worklane.workitem.WorkItemProcess.TRANSFER_TO;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.Actor;
import io.worklane.workitem.Assignments;

/** "Transfer to agent": the chosen agent handles the item from now on; the former one has a free slot. */
@Component
class TransferToAgentDelegate implements JavaDelegate {

    private final Assignments assignments;

    TransferToAgentDelegate(Assignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String agent = (String) execution.getVariable(TRANSFER_TO);
        assignments.transferTo(WorkItemRef.of(execution), agent, Actor.of(execution, null));
        execution.setVariable(ASSIGNEE, agent);
        execution.removeVariable(TRANSFER_TO);
        execution.setVariable(NEXT_STEP, "HANDLE");
    }
}
