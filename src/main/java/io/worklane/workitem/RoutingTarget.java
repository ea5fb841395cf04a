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
}
