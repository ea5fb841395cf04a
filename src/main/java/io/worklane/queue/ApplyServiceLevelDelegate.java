package io.worklane.queue;

import static io.worklane.workitem.WorkItemProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.ServiceLevelOutcome;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/**
 * "Apply service level": turns the two decisions' results into the item's department, process, due date,
 * priority and required skill, and decides whether it waits for its activation date. A due date or priority
 * sent by the source system wins over the rules; the SLA counts from the activation date when there is one.
 */
@Component
class ApplyServiceLevelDelegate implements JavaDelegate {

    static final String PRIMARY_TARGET = "PRIMARY";

    private final WorkItems workItems;
    private final Clock clock;

    ApplyServiceLevelDelegate(WorkItems workItems, Clock clock) {
        this.workItems = workItems;
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        WorkItemRef ref = WorkItemRef.of(execution);
        Map<String, Object> classification = (Map<String, Object>) execution.getVariable(CLASSIFICATION);
        ServiceLevel serviceLevel = ServiceLevel.from((Map<String, Object>) execution.getVariable(SERVICE_LEVEL));
        WorkItemView item = workItems.find(ref.id()).orElseThrow(() -> new IllegalStateException("no work item " + ref.id()));

        Instant now = clock.instant();
        boolean scheduled = item.activationAt() != null && item.activationAt().isAfter(now);
        Instant start = item.activationAt() != null && item.activationAt().isAfter(item.capturedAt())
                ? item.activationAt() : item.capturedAt();
        WorkItemView.Requested requested = item.requested();
        Instant dueAt = requested.dueAt() != null ? requested.dueAt() : start.plus(serviceLevel.sla());
        int priority = requested.priority() != null ? requested.priority() : serviceLevel.clampedInitialPriority();
        String confirmationTimeout = serviceLevel.confirmationTimeout() == null ? null
                : serviceLevel.confirmationTimeout().toString();
        var outcome = new ServiceLevelOutcome((String) classification.get("department"),
                (String) classification.get("process"), priority, dueAt, serviceLevel.requiredSkill(), PRIMARY_TARGET,
                confirmationTimeout, scheduled);
        workItems.applyServiceLevel(ref, outcome);

        // The decision results are the engine's own map type: keep plain variables instead.
        execution.removeVariable(CLASSIFICATION);
        execution.removeVariable(SERVICE_LEVEL);
        execution.setVariable(CLASSIFIED_DEPARTMENT, outcome.department());
        execution.setVariable(CLASSIFIED_PROCESS, outcome.process());
        execution.setVariable(EFFECTIVE_DUE_AT, dueAt.toString());
        execution.setVariable(EFFECTIVE_PRIORITY, priority);
        execution.setVariable(REQUIRED_SKILL, outcome.requiredSkill());
        execution.setVariable(CONFIRMATION_TIMEOUT, confirmationTimeout);
        execution.setVariable(ACTIVATION_IN_FUTURE, scheduled);
    }
}
