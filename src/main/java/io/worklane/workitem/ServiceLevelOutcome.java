package io.worklane.workitem;

import java.time.Instant;

/**
 * What classification and the service level decided for an item.
 *
 * @param handlingTimeout how long an agent may have it in handling (ISO-8601); null: no limit
 * @param handlingTimeoutAction what happens then: RETURN_TO_QUEUE or EXCEPTION (null without a time-out)
 */
public record ServiceLevelOutcome(String department, String process, int priority, Instant dueAt,
        String requiredSkill, String confirmationTimeout, boolean scheduled, PriorityTerms terms,
        RoutingPlan routingPlan, String handlingTimeout, String handlingTimeoutAction) {
}
