package io.worklane.workbin;

import static io.worklane.workitem.WorkItemProcess.ASSIGNEE;
import static io.worklane.workitem.WorkItemProcess.NEXT_STEP;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.Actor;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.Assignments;

/** "Pull from workbin": back into handling, by its agent, or by the agent a supervisor reassigned it to. */
@Component
class PullFromWorkbinDelegate implements JavaDelegate {

    private final Assignments assignments;

    PullFromWorkbinDelegate(Assignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String agent = (String) execution.getVariable(ASSIGNEE);
        assignments.pull(WorkItemRef.of(execution), agent, Actor.of(execution, Actor.agent(agent)));
        execution.setVariable(NEXT_STEP, "HANDLE");
    }
}
