package io.worklane.handling;

import static io.worklane.workitem.WorkItemProcess.DISPOSITION;
import static io.worklane.workitem.WorkItemProcess.HANDLING_ACTION;
import static io.worklane.workitem.WorkItemProcess.HANDLING_OUTCOME;
import static io.worklane.workitem.WorkItemProcess.NEXT_STEP;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.Actor;
import io.worklane.workitem.Assignments;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

/**
 * "Record handling outcome": what the agent chose in the form (or the API), checked; a refused choice fails the
 * task completion with its reason, so the agent sees it in Tasklist and the task stays theirs.
 */
@Component
class RecordHandlingDelegate implements JavaDelegate {

    private final HandlingRules rules;
    private final WorkItems workItems;
    private final Assignments assignments;

    RecordHandlingDelegate(HandlingRules rules, WorkItems workItems, Assignments assignments) {
        this.rules = rules;
        this.workItems = workItems;
        this.assignments = assignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WorkItemRef ref = WorkItemRef.of(execution);
        WorkItemView item = workItems.get(ref.id());
        Map<String, Object> choice = execution.getVariables();
        HandlingAction action = rules.check(item, choice);
        assignments.recordDisposition(ref, (String) choice.get(DISPOSITION), Actor.of(execution, null));
        // the next handling starts from an empty choice
        execution.removeVariable(HANDLING_ACTION);
        execution.removeVariable(DISPOSITION);
        execution.setVariable(HANDLING_OUTCOME, action.name());
        // the branch taken says where the item goes after handling; marked done goes on to "Record mark done"
        execution.setVariable(NEXT_STEP, action == HandlingAction.DONE ? "DONE" : null);
    }
}
