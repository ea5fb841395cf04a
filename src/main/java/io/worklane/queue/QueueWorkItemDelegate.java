package io.worklane.queue;

import static io.worklane.workitem.WorkItemProcess.ACTIVATION_IN_FUTURE;
import static io.worklane.workitem.WorkItemProcess.EFFECTIVE_PRIORITY;
import static io.worklane.workitem.WorkItemProcess.NEXT_REPRIORITIZATION_AT;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.priority.Prioritization;
import io.worklane.workitem.Actor;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

/**
 * "Queue work item": the item enters the universal queue with the priority its curve gives it now (also when it
 * comes back, e.g. after an unconfirmed Mark done), and the reprioritization timer is set for the curve's next
 * step. The router hears of it after commit.
 */
@Component
class QueueWorkItemDelegate implements JavaDelegate {

    private final WorkItems workItems;
    private final Prioritization prioritization;
    private final Clock clock;

    QueueWorkItemDelegate(WorkItems workItems, Prioritization prioritization, Clock clock) {
        this.workItems = workItems;
        this.prioritization = prioritization;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WorkItemRef ref = WorkItemRef.of(execution);
        WorkItemView item = workItems.get(ref.id());
        Instant now = clock.instant();
        Prioritization.Priority priority = prioritization.priorityOf(item, now);
        // the item was SCHEDULED: the activation timer is why it enters the queue now (said once)
        boolean activated = Boolean.TRUE.equals(execution.getVariable(ACTIVATION_IN_FUTURE));
        execution.setVariable(ACTIVATION_IN_FUTURE, false);
        workItems.queue(ref, activated ? Actor.timer("activation-date") : Actor.system("rules"), priority.value(),
                priority.nextChangeAt());
        execution.setVariable(EFFECTIVE_PRIORITY, priority.value());
        execution.setVariable(NEXT_REPRIORITIZATION_AT,
                priority.nextChangeAt() == null ? null : Date.from(priority.nextChangeAt()));
    }
}
