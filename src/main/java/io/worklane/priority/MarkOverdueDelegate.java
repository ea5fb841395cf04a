package io.worklane.priority;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.PriorityView;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/** "Mark overdue": the due date passed while the item waited in the queue; it takes its overdue priority. */
@Component
class MarkOverdueDelegate implements JavaDelegate {

    private final WorkItems workItems;
    private final Prioritization prioritization;
    private final Clock clock;

    MarkOverdueDelegate(WorkItems workItems, Prioritization prioritization, Clock clock) {
        this.workItems = workItems;
        this.prioritization = prioritization;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WorkItemRef ref = WorkItemRef.of(execution);
        PriorityView item = workItems.priorityView(ref.id());
        int overduePriority = prioritization.priorityOf(item, clock.instant()).value();
        workItems.markOverdue(ref, overduePriority);
    }
}
