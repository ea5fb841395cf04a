package io.worklane.queue;

import static io.worklane.workitem.WorkItemProcess.ACTIVATION_IN_FUTURE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.Actor;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/** "Queue work item": the item enters the universal queue; the router hears of it after commit. */
@Component
class QueueWorkItemDelegate implements JavaDelegate {

    private final WorkItems workItems;

    QueueWorkItemDelegate(WorkItems workItems) {
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // the item was SCHEDULED: the activation timer is why it enters the queue now (said once)
        boolean activated = Boolean.TRUE.equals(execution.getVariable(ACTIVATION_IN_FUTURE));
        execution.setVariable(ACTIVATION_IN_FUTURE, false);
        workItems.queue(WorkItemRef.of(execution),
                activated ? Actor.timer("activation-date") : Actor.system("rules"));
    }
}
