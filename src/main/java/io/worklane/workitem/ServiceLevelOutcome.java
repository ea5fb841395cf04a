package io.worklane.workitem;

import java.time.Instant;

/** What classification and the service level decided for an item. */
public record ServiceLevelOutcome(String department, String process, int priority, Instant dueAt,
        String requiredSkill, String confirmationTimeout, boolean scheduled, PriorityTerms terms,
        RoutingPlan routingPlan) {
}
