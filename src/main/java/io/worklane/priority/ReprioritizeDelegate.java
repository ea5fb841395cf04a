package io.worklane.priority;

import static io.worklane.workitem.WorkItemProcess.timerDate;
import static io.worklane.workitem.WorkItemProcess.EFFECTIVE_PRIORITY;
import static io.worklane.workitem.WorkItemProcess.NEXT_REPRIORITIZATION_AT;
import static io.worklane.workitem.WorkItemProcess.SERVICE_LEVEL;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

/**
 * "Reprioritize": a step of the priority schema came due. The service level was just decided again (latest
 * rules, refreshed context), so a changed segment or schema applies from this step on; the due date stays.
 */
@Component
class ReprioritizeDelegate implements JavaDelegate {

    private final WorkItems workItems;
    private final Prioritization prioritization;
    private final Clock clock;

    ReprioritizeDelegate(WorkItems workItems, Prioritization prioritization, Clock clock) {
        this.workItems = workItems;
        this.prioritization = prioritization;
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        WorkItemRef ref = WorkItemRef.of(execution);
        ServiceLevel serviceLevel = ServiceLevel.from((Map<String, Object>) execution.getVariable(SERVICE_LEVEL));
        execution.removeVariable(SERVICE_LEVEL);
        WorkItemView item = workItems.get(ref.id());
        Instant now = clock.instant();
        Prioritization.Priority priority = prioritization.priorityOf(item, serviceLevel.terms(), item.dueAt(), now);
        workItems.reprioritize(ref, priority.value(), serviceLevel.terms(), priority.nextChangeAt());
        execution.setVariable(EFFECTIVE_PRIORITY, priority.value());
        execution.setVariable(NEXT_REPRIORITIZATION_AT,
                timerDate(priority.nextChangeAt()));
    }
}
