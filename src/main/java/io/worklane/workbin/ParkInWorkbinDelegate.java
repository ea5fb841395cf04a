package io.worklane.workbin;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/** "Park in workbin": the item stays the agent's, PARKED, until they pull it or a supervisor acts on it. */
@Component
class ParkInWorkbinDelegate implements JavaDelegate {

    private final WorkItems workItems;

    ParkInWorkbinDelegate(WorkItems workItems) {
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workItems.park(WorkItemRef.of(execution));
    }
}
