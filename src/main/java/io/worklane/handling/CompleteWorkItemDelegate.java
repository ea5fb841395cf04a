package io.worklane.handling;

import static io.worklane.workitem.WorkItemProcess.ASSIGNEE;
import static io.worklane.workitem.WorkItemProcess.WORK_ITEM_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import io.worklane.workitem.Actor;
import io.worklane.workitem.WorkItems;

/** "Complete work item": the item ends COMPLETED; the actor is who submitted the form (else the assignee). */
@Component
class CompleteWorkItemDelegate implements JavaDelegate {

    private final WorkItems workItems;

    CompleteWorkItemDelegate(WorkItems workItems) {
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String actor = user != null ? user.getUserId() : (String) execution.getVariable(ASSIGNEE);
        workItems.complete((String) execution.getVariable(WORK_ITEM_ID), Actor.agent(actor));
    }
}
