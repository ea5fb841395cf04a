package io.worklane.workbin;

import static io.worklane.workitem.WorkItemProcess.NEXT_STEP;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.Actor;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/** "Return to queue": a supervisor takes the item out of a workbin (e.g. its agent is away) into distribution. */
@Component
class ReturnFromWorkbinDelegate implements JavaDelegate {

    private final WorkItems workItems;

    ReturnFromWorkbinDelegate(WorkItems workItems) {
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workItems.returnToQueue(WorkItemRef.of(execution), Actor.of(execution, Actor.system("workbin")));
        execution.setVariable(NEXT_STEP, "QUEUE");
    }
}
