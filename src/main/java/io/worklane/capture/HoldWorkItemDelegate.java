package io.worklane.capture;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.Actor;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/** "Hold work item": the item leaves distribution (and its agent) until it is resumed. */
@Component
class HoldWorkItemDelegate implements JavaDelegate {

    private final WorkItems workItems;

    HoldWorkItemDelegate(WorkItems workItems) {
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workItems.hold(WorkItemRef.of(execution), Actor.of(execution, Actor.system("engine")));
    }
}
