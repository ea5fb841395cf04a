package io.worklane.handling;

import static io.worklane.workitem.WorkItemProcess.NEXT_STEP;
import static io.worklane.workitem.WorkItemProcess.TRANSFER_TARGET;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.routing.SkillExpression;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.Actor;
import io.worklane.workitem.Assignments;

/**
 * "Transfer to a skill target": the item goes back to the queue for agents matching the expression the agent
 * gave, instead of its routing targets, until it is offered again.
 */
@Component
class TransferToTargetDelegate implements JavaDelegate {

    private final Assignments assignments;

    TransferToTargetDelegate(Assignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String target = SkillExpression.parse((String) execution.getVariable(TRANSFER_TARGET)).text();
        assignments.transferToTarget(WorkItemRef.of(execution), target, Actor.of(execution, null));
        execution.removeVariable(TRANSFER_TARGET);
        execution.setVariable(NEXT_STEP, "QUEUE");
    }
}
