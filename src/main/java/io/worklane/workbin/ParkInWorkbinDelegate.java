package io.worklane.workbin;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.Actor;
import io.worklane.workitem.Assignments;

/** "Park in workbin": the item stays the agent's, PARKED, until they pull it or a supervisor acts on it. */
@Component
class ParkInWorkbinDelegate implements JavaDelegate {

    private final Assignments assignments;

    ParkInWorkbinDelegate(Assignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assignments.park(WorkItemRef.of(execution), Actor.of(execution, null));
    }
}
