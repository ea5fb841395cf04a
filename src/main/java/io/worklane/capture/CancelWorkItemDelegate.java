package io.worklane.capture;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.Actor;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/** "Cancel work item": the item ends CANCELED, wherever it was. */
@Component
class CancelWorkItemDelegate implements JavaDelegate {

    private final WorkItems workItems;

    CancelWorkItemDelegate(WorkItems workItems) {
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workItems.cancel(WorkItemRef.of(execution), Actor.of(execution, Actor.system("engine")));
    }
}
