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
import io.worklane.workitem.WorkItems;

/** "Transfer to agent": the chosen agent handles the item from now on; the former one has a free slot. */
@Component
class TransferToAgentDelegate implements JavaDelegate {

    private final Assignments assignments;
    private final HandlingRules rules;
    private final WorkItems workItems;

    TransferToAgentDelegate(Assignments assignments, HandlingRules rules, WorkItems workItems) {
        this.assignments = assignments;
        this.rules = rules;
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String agent = (String) execution.getVariable(TRANSFER_TO);
        // "Record handling outcome" checked it in this transaction; here, where the item changes hands, the lock
        // on the agent is taken (again) so that no later model change can separate the check from the assignment
        rules.requireSlot(workItems.get(WorkItemRef.of(execution).id()), agent);
        assignments.transferTo(WorkItemRef.of(execution), agent, Actor.of(execution, null));
        execution.setVariable(ASSIGNEE, agent);
        execution.removeVariable(TRANSFER_TO);
        execution.setVariable(NEXT_STEP, "HANDLE");
    }
}
