package io.worklane.workitem;

import java.time.Instant;

/**
 * What an item's routing target is decided from: the contract between this module and the routing capability,
 * narrower than the API's {@link WorkItemView}.
 *
 * @param slaStart where the SLA starts (the targets' time-outs are shares of it)
 * @param plan the targets the rules chose; null before they are decided
 * @param transferTarget a skill target an agent transferred the item to; null: none
 */
public record RoutingView(String id, Instant queuedAt, Instant slaStart, Instant dueAt, String preferredAgent,
        String transferTarget, RoutingPlan plan) {
}
