package io.worklane.priority;

import static io.worklane.workitem.WorkItemProcess.NEXT_REPRIORITIZATION_AT;
import static io.worklane.workitem.WorkItemProcess.SERVICE_LEVEL;
import static io.worklane.workitem.WorkItemProcess.SERVICE_LEVEL_RULES;
import static io.worklane.workitem.WorkItemProcess.timerDate;

import java.time.Clock;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.PriorityTerms;
import io.worklane.workitem.PriorityView;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/**
 * "Reprioritize": a step of the priority schema came due. When the service level was just decided again (newer
 * rules, changed context), a changed segment or schema applies from this step on; else the item keeps its terms.
 * The due date stays either way.
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
        PriorityView item = workItems.priorityView(ref.id());
        PriorityTerms terms = item.terms();
        if (execution.hasVariable(SERVICE_LEVEL)) {
            // decided again at this step; a decision that matched no rule fails here (an incident in Cockpit)
            terms = ServiceLevel.from((Map<String, Object>) execution.getVariable(SERVICE_LEVEL)).terms()
                .decidedBy((String) execution.getVariable(SERVICE_LEVEL_RULES));
            execution.removeVariable(SERVICE_LEVEL);
        }
        Prioritization.Priority priority = prioritization.priorityOf(item, terms, item.dueAt(), clock.instant());
        workItems.reprioritize(ref, priority.value(), terms, priority.nextChangeAt());
        execution.setVariable(NEXT_REPRIORITIZATION_AT, timerDate(priority.nextChangeAt()));
    }
}
