package io.worklane.routing;

import static io.worklane.workitem.WorkItemProcess.RONA_TIMEOUT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.agent.Agents;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.Assignments;

/**
 * "Redirect on no answer" (RONA): the offer timed out. The item goes back to the queue with its priority and
 * the agent is set NOT_READY with reason RONA, so no further work is pushed to someone who is not there.
 */
@Component
class RedirectOnNoAnswerDelegate implements JavaDelegate {

    private final Assignments assignments;
    private final Agents agents;

    RedirectOnNoAnswerDelegate(Assignments assignments, Agents agents) {
        this.assignments = assignments;
        this.agents = agents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String agent = assignments.noAnswer(WorkItemRef.of(execution), (String) execution.getVariable(RONA_TIMEOUT));
        agents.markNoAnswer(agent);
    }
}
