package io.worklane.queue;

import static io.worklane.workitem.WorkItemProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.priority.Prioritization;
import io.worklane.priority.ServiceLevel;
import io.worklane.routing.RoutingTargets;
import io.worklane.workitem.PriorityTerms;
import io.worklane.workitem.ServiceLevelOutcome;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

/**
 * "Apply service level": turns the decisions' results into the item's department, process, due date,
 * priority terms, required skill and routing targets, and decides whether it waits for its activation date. The SLA counts in
 * business time from the activation date when there is one; a due date sent by the source system wins.
 */
@Component
class ApplyServiceLevelDelegate implements JavaDelegate {

    private final WorkItems workItems;
    private final Prioritization prioritization;
    private final Clock clock;

    ApplyServiceLevelDelegate(WorkItems workItems, Prioritization prioritization, Clock clock) {
        this.workItems = workItems;
        this.prioritization = prioritization;
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        WorkItemRef ref = WorkItemRef.of(execution);
        ServiceLevel serviceLevel = ServiceLevel.from((Map<String, Object>) execution.getVariable(SERVICE_LEVEL));
        var routingPlan = RoutingTargets.plan((Map<String, Object>) execution.getVariable(ROUTING_TARGETS));
        WorkItemView item = workItems.get(ref.id());

        Instant now = clock.instant();
        boolean scheduled = item.activationAt() != null && item.activationAt().isAfter(now);
        Instant dueAt = item.requested().dueAt() != null ? item.requested().dueAt()
                : prioritization.dueAt(serviceLevel, item.slaStart());
        PriorityTerms terms = serviceLevel.terms().decidedBy((String) execution.getVariable(SERVICE_LEVEL_RULES));
        int priority = prioritization.priorityOf(workItems.priorityView(ref.id()), terms, dueAt, now).value();
        String confirmationTimeout = serviceLevel.confirmationTimeout() == null ? null
                : serviceLevel.confirmationTimeout().toString();
        String handlingTimeout = serviceLevel.handlingTimeout() == null ? null
                : serviceLevel.handlingTimeout().toString();
        var outcome = new ServiceLevelOutcome((String) execution.getVariable(CLASSIFIED_DEPARTMENT),
                (String) execution.getVariable(CLASSIFIED_PROCESS), priority, dueAt, serviceLevel.requiredSkill(),
                confirmationTimeout, scheduled, terms, routingPlan, handlingTimeout,
                serviceLevel.handlingTimeoutAction() == null ? null : serviceLevel.handlingTimeoutAction().name());
        workItems.applyServiceLevel(ref, outcome);

        // the decision results are the engine's own map types: keep plain variables instead
        execution.removeVariable(CLASSIFICATION);
        execution.removeVariable(SERVICE_LEVEL);
        execution.removeVariable(ROUTING_TARGETS);
        execution.setVariable(EFFECTIVE_DUE_AT, dueAt.toString());
        execution.setVariable(DUE_DATE, timerDate(dueAt));
        execution.setVariable(EFFECTIVE_PRIORITY, priority);
        execution.setVariable(REQUIRED_SKILL, outcome.requiredSkill());
        execution.setVariable(CONFIRMATION_TIMEOUT, confirmationTimeout);
        // the timer in "In handling" counts it from the moment an agent has the item
        execution.setVariable(HANDLING_TIMEOUT, handlingTimeout);
        execution.setVariable(ACTIVATION_IN_FUTURE, scheduled);
    }
}
