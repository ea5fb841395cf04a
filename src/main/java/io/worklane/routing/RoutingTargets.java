package io.worklane.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.worklane.workitem.RoutingPlan;
import io.worklane.workitem.RoutingTarget;
import io.worklane.workitem.RoutingView;

/**
 * Who an item is offered to, and when that widens: its preferred agent first (for a global share of its SLA),
 * then the primary, secondary and tertiary skill expressions of {@code decisions/routing-targets.dmn}, each for
 * its share of the SLA, counted from the moment the item entered the queue. The tertiary target is the last. An
 * item an agent transferred to a skill target waits for that target first, for a share of the time left until its
 * due date, and then goes through its own targets as if it had just entered the queue.
 */
@Service
public class RoutingTargets {

    public static final String PREFERRED = "PREFERRED";
    public static final String PRIMARY = "PRIMARY";
    public static final String SECONDARY = "SECONDARY";
    public static final String TERTIARY = "TERTIARY";
    /** An agent sent the item to a skill target of their choice; after its time-out the item's own targets apply. */
    public static final String TRANSFER = "TRANSFER";

    private final RoutingProperties properties;

    RoutingTargets(RoutingProperties properties) {
        this.properties = properties;
    }

    /** Reads the decision's result; an unusable row or expression fails loudly (an incident in Cockpit). */
    public static RoutingPlan plan(Map<String, Object> result) {
        if (result == null) {
            throw new IllegalStateException("routing-targets decision matched no rule");
        }
        try {
            return new RoutingPlan(expression(result, "primaryTarget"), expression(result, "secondaryTarget"),
                    expression(result, "tertiaryTarget"), percent(result, "primaryTimeoutPercent"),
                    percent(result, "secondaryTimeoutPercent"));
        }
        catch (SkillExpression.Invalid | ClassCastException | NullPointerException e) {
            throw new IllegalStateException("routing-targets decision gave an unusable row: " + e.getMessage()
                    + " (" + result + ")", e);
        }
    }

    /** The target at {@code now} for an item that entered the queue at {@code queuedAt}. */
    public RoutingTarget targetAt(RoutingView item, Instant queuedAt, Instant now) {
        RoutingPlan plan = item.plan();
        if (plan == null) {
            throw new IllegalStateException("work item " + item.id() + " has no routing targets yet");
        }
        Instant ownTargetsFrom = queuedAt;
        if (item.transferTarget() != null) {
            // an agent's transfer target first, then the item's own targets from the first: no item stays buried
            ownTargetsFrom = queuedAt.plus(transferTimeout(item.dueAt(), queuedAt));
            if (now.isBefore(ownTargetsFrom)) {
                return target(TRANSFER, item.transferTarget(), ownTargetsFrom);
            }
        }
        return targetAt(plan, item.preferredAgent() != null, slaOf(item), properties.preferredAgentTimeoutPercent(),
                ownTargetsFrom, now);
    }

    /** The share of the time left until the due date, at least the minimum. */
    Duration transferTimeout(Instant dueAt, Instant queuedAt) {
        Duration left = dueAt == null ? Duration.ZERO : Duration.between(queuedAt, dueAt);
        Duration share = left.isNegative() ? Duration.ZERO
                : Duration.ofMillis(Math.round(left.toMillis() * properties.transferTimeoutShare()));
        return share.compareTo(properties.transferTimeoutMinimum()) < 0 ? properties.transferTimeoutMinimum() : share;
    }

    /** The widening schedule itself, a pure function. */
    static RoutingTarget targetAt(RoutingPlan plan, boolean preferredAgent, Duration sla, int preferredAgentPercent,
            Instant queuedAt, Instant now) {
        Instant end = queuedAt;
        if (preferredAgent) {
            end = end.plus(share(sla, preferredAgentPercent));
            if (now.isBefore(end)) {
                return new RoutingTarget(PREFERRED, null, null, null, null, end);
            }
        }
        end = end.plus(share(sla, plan.primaryTimeoutPercent()));
        if (now.isBefore(end)) {
            return target(PRIMARY, plan.primaryTarget(), end);
        }
        end = end.plus(share(sla, plan.secondaryTimeoutPercent()));
        if (now.isBefore(end)) {
            return target(SECONDARY, plan.secondaryTarget(), end);
        }
        return target(TERTIARY, plan.tertiaryTarget(), null);
    }

    private static RoutingTarget target(String level, String text, Instant nextExpansionAt) {
        SkillExpression expression = SkillExpression.parse(text);
        var requirement = expression.requirement();
        return new RoutingTarget(level, expression.text(), requirement.map(SkillExpression.Requirement::skill).orElse(null),
                requirement.map(SkillExpression.Requirement::minProficiency).orElse(null),
                expression.groupRequirement().orElse(null), nextExpansionAt);
    }

    private static Duration slaOf(RoutingView item) {
        Instant start = item.slaStart();
        Duration sla = item.dueAt() == null ? Duration.ZERO : Duration.between(start, item.dueAt());
        return sla.isNegative() ? Duration.ZERO : sla;
    }

    private static Duration share(Duration sla, int percent) {
        return sla.multipliedBy(percent).dividedBy(100);
    }

    private static String expression(Map<String, Object> result, String key) {
        return SkillExpression.parse((String) result.get(key)).text();
    }

    private static int percent(Map<String, Object> result, String key) {
        int percent = ((Number) result.get(key)).intValue();
        if (percent < 0 || percent > 100) {
            throw new IllegalStateException(key + " " + percent + " is not a share of the SLA between 0 and 100");
        }
        return percent;
    }
}
