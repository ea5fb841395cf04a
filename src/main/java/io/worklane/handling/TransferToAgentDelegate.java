package io.worklane.handling;

import static io.worklane.workitem.WorkItemProcess.ASSIGNEE;
import static io.worklane.workitem.WorkItemProcess.NEXT_STEP;
import static io.worklane.workitem.WorkItemProcess.TRANSFER_TO;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/** "Transfer to agent": the chosen agent handles the item from now on; the former one has a free slot. */
@Component
class TransferToAgentDelegate implements JavaDelegate {

    private final WorkItems workItems;

    TransferToAgentDelegate(WorkItems workItems) {
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String agent = (String) execution.getVariable(TRANSFER_TO);
        workItems.transferTo(WorkItemRef.of(execution), agent);
        execution.setVariable(ASSIGNEE, agent);
        execution.removeVariable(TRANSFER_TO);
        execution.setVariable(NEXT_STEP, "HANDLE");
    }
}
