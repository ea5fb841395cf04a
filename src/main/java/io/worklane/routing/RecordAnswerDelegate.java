package io.worklane.routing;

import static io.worklane.workitem.WorkItemProcess.OFFER_ACCEPTED;
import static io.worklane.workitem.WorkItemProcess.OFFER_ANSWER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.Assignments;

/**
 * "Record answer": the agent accepted the offer (the item is theirs, IN_PROGRESS) or declined it (back to the
 * queue, not to be offered to them again at once). An answer that is neither fails the task completion.
 */
@Component
class RecordAnswerDelegate implements JavaDelegate {

    static final String ACCEPT = "ACCEPT";
    static final String DECLINE = "DECLINE";

    private final Assignments assignments;

    RecordAnswerDelegate(Assignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object answer = execution.getVariable(OFFER_ANSWER);
        WorkItemRef ref = WorkItemRef.of(execution);
        if (ACCEPT.equals(answer)) {
            assignments.accept(ref);
        }
        else if (DECLINE.equals(answer)) {
            assignments.decline(ref);
        }
        else {
            throw new IllegalArgumentException("An offer is answered ACCEPT or DECLINE, not " + answer);
        }
        // a later offer is answered anew
        execution.removeVariable(OFFER_ANSWER);
        execution.setVariable(OFFER_ACCEPTED, ACCEPT.equals(answer));
    }
}
