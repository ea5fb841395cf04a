package io.worklane.queue;

import static io.worklane.workitem.WorkItemProcess.timerDate;
import static io.worklane.workitem.WorkItemProcess.ACTIVATION_IN_FUTURE;
import static io.worklane.workitem.WorkItemProcess.EFFECTIVE_PRIORITY;
import static io.worklane.workitem.WorkItemProcess.NEXT_REPRIORITIZATION_AT;
import static io.worklane.workitem.WorkItemProcess.NEXT_TARGET_EXPANSION_AT;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.priority.Prioritization;
import io.worklane.routing.RoutingTargets;
import io.worklane.workitem.Actor;
import io.worklane.workitem.RoutingTarget;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/**
 * "Queue work item": the item enters the universal queue with the priority its curve gives it now (also when it
 * comes back, e.g. after an unconfirmed Mark done) and its first routing target; the reprioritization and
 * target timers are set for the next step of each. The router hears of it after commit.
 */
@Component
class QueueWorkItemDelegate implements JavaDelegate {

    private final WorkItems workItems;
    private final Prioritization prioritization;
    private final RoutingTargets routingTargets;
    private final Clock clock;

    QueueWorkItemDelegate(WorkItems workItems, Prioritization prioritization, RoutingTargets routingTargets,
            Clock clock) {
        this.workItems = workItems;
        this.prioritization = prioritization;
        this.routingTargets = routingTargets;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WorkItemRef ref = WorkItemRef.of(execution);
        Instant now = clock.instant();
        Prioritization.Priority priority = prioritization.priorityOf(workItems.priorityView(ref.id()), now);
        // every queue entry starts with the first target again: the preferred agent, else the primary target
        RoutingTarget target = routingTargets.targetAt(workItems.routingView(ref.id()), now, now);
        // the item was SCHEDULED: the activation timer is why it enters the queue now (said once)
        boolean activated = Boolean.TRUE.equals(execution.getVariable(ACTIVATION_IN_FUTURE));
        execution.setVariable(ACTIVATION_IN_FUTURE, false);
        workItems.queue(ref, activated ? Actor.timer("activation-date") : Actor.system("rules"), priority.value(),
                priority.nextChangeAt(), target);
        execution.setVariable(EFFECTIVE_PRIORITY, priority.value());
        execution.setVariable(NEXT_REPRIORITIZATION_AT,
                timerDate(priority.nextChangeAt()));
        execution.setVariable(NEXT_TARGET_EXPANSION_AT,
                timerDate(target.nextExpansionAt()));
    }
}
