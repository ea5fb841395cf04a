package io.worklane.routing;

import static io.worklane.workitem.WorkItemProcess.timerDate;
import static io.worklane.workitem.WorkItemProcess.NEXT_TARGET_EXPANSION_AT;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.RoutingTarget;
import io.worklane.workitem.RoutingView;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/** "Widen routing target": the current target's time-out passed; the router tries the wider one at once. */
@Component
class WidenRoutingTargetDelegate implements JavaDelegate {

    private final WorkItems workItems;
    private final RoutingTargets routingTargets;
    private final Clock clock;

    WidenRoutingTargetDelegate(WorkItems workItems, RoutingTargets routingTargets, Clock clock) {
        this.workItems = workItems;
        this.routingTargets = routingTargets;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WorkItemRef ref = WorkItemRef.of(execution);
        RoutingView item = workItems.routingView(ref.id());
        RoutingTarget target = routingTargets.targetAt(item, item.queuedAt(), clock.instant());
        workItems.widenTarget(ref, target);
        execution.setVariable(NEXT_TARGET_EXPANSION_AT,
                timerDate(target.nextExpansionAt()));
    }
}
