package io.worklane.capture;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.Actor;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/**
 * "Apply reclassification": new classification inputs or dates (reclassify, reschedule) take the item out of
 * distribution, and away from its agent; distribution starts over with classification.
 */
@Component
class ApplyReclassificationDelegate implements JavaDelegate {

    private final WorkItems workItems;

    ApplyReclassificationDelegate(WorkItems workItems) {
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workItems.reclassify(WorkItemRef.of(execution), CaptureVariables.requireSubmitted(execution),
                CaptureVariables.changedFields(execution), Actor.of(execution, Actor.system("engine")));
    }
}
