package io.worklane.handling;

import static io.worklane.workitem.WorkItemProcess.ASSIGNEE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.Actor;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/**
 * "Complete work item": the item ends COMPLETED, either because the source system said so or because its agent
 * marked it done where no confirmation is needed.
 */
@Component
class CompleteWorkItemDelegate implements JavaDelegate {

    private final WorkItems workItems;

    CompleteWorkItemDelegate(WorkItems workItems) {
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Actor markedDoneBy = Actor.agent((String) execution.getVariable(ASSIGNEE));
        workItems.complete(WorkItemRef.of(execution), Actor.of(execution, markedDoneBy));
    }
}
