package io.worklane.capture;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.Actor;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/** "Apply update": attributes that do not touch classification change in place; the item stays where it is. */
@Component
class ApplyUpdateDelegate implements JavaDelegate {

    private final WorkItems workItems;

    ApplyUpdateDelegate(WorkItems workItems) {
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workItems.update(WorkItemRef.of(execution), CaptureVariables.requireSubmitted(execution),
                CaptureVariables.changedFields(execution), Actor.of(execution, Actor.system("engine")));
    }
}
