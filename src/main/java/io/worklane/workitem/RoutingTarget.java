package io.worklane.workitem;

import java.time.Instant;

/**
 * Who an item is offered to now.
 *
 * @param level PREFERRED, PRIMARY, SECONDARY or TERTIARY
 * @param expression the skill expression agents must match; null while only the preferred agent is asked
 * @param skill a skill every matching agent has ...
 * @param minProficiency ... at least at this proficiency (the router's SQL pre-filter; null: none)
 * @param group a routing group every matching agent is in (the router's SQL pre-filter too; null: none)
 * @param nextExpansionAt when the target widens next; null: it is the last
 */
public record RoutingTarget(String level, String expression, String skill, Integer minProficiency, String group,
        Instant nextExpansionAt) {

    /**
     * The item's key in the router's index ({@code work_item.routing_key}): the group, skill and proficiency every
     * matching agent has. An agent's offer looks up only the keys its own profile can satisfy, so it never walks
     * items it cannot take. Null while only the preferred agent is asked (that offer looks by agent; the level's
     * name as routing.RoutingTargets spells it).
     */
    public String routingKey() {
        return "PREFERRED".equals(level) ? null
                : routingKey(group, skill, minProficiency == null ? 0 : minProficiency);
    }

    /** The one spelling of a routing key; an agent's keys are built with it too. */
    public static String routingKey(String group, String skill, int minProficiency) {
        return (group == null ? "" : group) + "|" + (skill == null ? "" : skill) + "|" + minProficiency;
    }
}
