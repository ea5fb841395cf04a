package io.worklane.workbin;

import static io.worklane.workitem.WorkItemProcess.NEXT_STEP;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.Actor;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.Assignments;

/** "Return to queue": a supervisor takes the item out of a workbin (e.g. its agent is away) into distribution. */
@Component
class ReturnFromWorkbinDelegate implements JavaDelegate {

    private final Assignments assignments;

    ReturnFromWorkbinDelegate(Assignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assignments.returnToQueue(WorkItemRef.of(execution), Actor.of(execution, Actor.system("workbin")));
        execution.setVariable(NEXT_STEP, "QUEUE");
    }
}
