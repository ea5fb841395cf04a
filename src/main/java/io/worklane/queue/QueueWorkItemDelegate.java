package io.worklane.queue;

import static io.worklane.workitem.WorkItemProcess.*;

import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.Queueing;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

/**
 * "Queue work item": applies classification and service level and puts the item into the universal queue.
 * A due date or priority sent by the source system wins over the rules.
 */
@Component
class QueueWorkItemDelegate implements JavaDelegate {

    static final String PRIMARY_TARGET = "PRIMARY";

    private final WorkItems workItems;

    QueueWorkItemDelegate(WorkItems workItems) {
        this.workItems = workItems;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        String id = (String) execution.getVariable(WORK_ITEM_ID);
        Map<String, Object> classification = (Map<String, Object>) execution.getVariable(CLASSIFICATION);
        ServiceLevel serviceLevel = ServiceLevel.from((Map<String, Object>) execution.getVariable(SERVICE_LEVEL));
        WorkItemView item = workItems.find(id).orElseThrow(() -> new IllegalStateException("no work item " + id));

        Instant start = item.activationAt() != null && item.activationAt().isAfter(item.capturedAt())
                ? item.activationAt() : item.capturedAt();
        Instant dueAt = item.dueAt() != null ? item.dueAt() : start.plus(serviceLevel.sla());
        int priority = item.priority() != null ? item.priority() : serviceLevel.clampedInitialPriority();
        String department = (String) classification.get("department");
        String process = (String) classification.get("process");

        workItems.queue(id, new Queueing(department, process, priority, dueAt, serviceLevel.requiredSkill(),
                PRIMARY_TARGET));

        // Flat variables for the form and later steps; the decision results are not kept as variables
        // (their map type is the engine's, not a plain one).
        execution.removeVariable(CLASSIFICATION);
        execution.removeVariable(SERVICE_LEVEL);
        execution.setVariable(DEPARTMENT, department);
        execution.setVariable(PROCESS, process);
        execution.setVariable(DUE_AT, dueAt.toString());
        execution.setVariable(PRIORITY, priority);
        execution.setVariable(REQUIRED_SKILL, serviceLevel.requiredSkill());
    }
}
