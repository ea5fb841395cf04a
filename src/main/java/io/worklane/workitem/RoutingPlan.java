package io.worklane.workitem;

/**
 * The routing targets {@code decisions/routing-targets.dmn} chose for an item: skill expressions that widen
 * over time, and how long each of the first two is tried, as a share of the SLA.
 */
public record RoutingPlan(String primaryTarget, String secondaryTarget, String tertiaryTarget,
        int primaryTimeoutPercent, int secondaryTimeoutPercent) {
}
