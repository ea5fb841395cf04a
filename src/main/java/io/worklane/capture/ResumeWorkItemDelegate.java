package io.worklane.capture;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.Actor;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/** "Resume work item": distribution starts over, so the item is classified and prioritised as it would be now. */
@Component
class ResumeWorkItemDelegate implements JavaDelegate {

    private final WorkItems workItems;

    ResumeWorkItemDelegate(WorkItems workItems) {
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workItems.resume(WorkItemRef.of(execution), Actor.of(execution, Actor.system("engine")));
    }
}
