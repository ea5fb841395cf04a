package io.worklane.priority;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.worklane.workitem.PriorityTerms;

/**
 * The row {@code decisions/service-level.dmn} chose for an item.
 *
 * @param sla how long the item may take, in business time of its calendar
 * @param businessCalendar the calendar's name in {@code decisions/business-calendar.dmn}
 * @param prioritySchema the schema's name in {@code decisions/priority-schema.dmn}
 * @param confirmationTimeout how long Mark done waits for the source system; null: Mark done completes
 * @param handlingTimeout how long an agent may have the item IN_PROGRESS (without Mark done or the source's
 *            completion); null: as long as it takes
 * @param handlingTimeoutAction what happens after the handling time-out; null without one
 */
public record ServiceLevel(Duration sla, String businessCalendar, String prioritySchema, int minPriority,
        int maxPriority, String requiredSkill, Duration confirmationTimeout, Duration handlingTimeout,
        HandlingTimeoutAction handlingTimeoutAction) {

    /** What a handling time-out does; the rule's cell names it, an empty one is RETURN_TO_QUEUE. */
    public enum HandlingTimeoutAction {
        /** back into distribution with the priority its curve gives it; the agent's slot frees */
        RETURN_TO_QUEUE,
        /** stays with the agent; the supervisors get an exception task */
        EXCEPTION
    }

    /** Reads the decision's single result; a malformed rule fails loudly, so Cockpit shows an incident. */
    public static ServiceLevel from(Map<String, Object> result) {
        if (result == null) {
            throw new IllegalStateException("service-level decision matched no rule");
        }
        try {
            Duration sla = Duration.parse((String) result.get("slaDuration"));
            int min = number(result, "minPriority");
            int max = number(result, "maxPriority");
            String calendar = text(result, "businessCalendar");
            String schema = text(result, "prioritySchema");
            String skill = text(result, "requiredSkill");
            if (sla.isNegative() || sla.isZero() || min > max || calendar == null || schema == null || skill == null) {
                throw new IllegalStateException("service-level decision gave an unusable row (it needs a positive "
                        + "SLA, min <= max, a business calendar, a priority schema and a required skill): " + result);
            }
            String confirmation = text(result, "confirmationTimeout");
            String handling = text(result, "handlingTimeout");
            Duration handlingTimeout = handling == null ? null : Duration.parse(handling);
            if (handlingTimeout != null && (handlingTimeout.isNegative() || handlingTimeout.isZero())) {
                throw new IllegalStateException("service-level decision gave a handling time-out that is not "
                        + "positive: " + result);
            }
            String action = text(result, "handlingTimeoutAction");
            return new ServiceLevel(sla, calendar, schema, min, max, skill,
                    confirmation == null ? null : Duration.parse(confirmation), handlingTimeout,
                    handlingTimeout == null ? null
                            : action == null ? HandlingTimeoutAction.RETURN_TO_QUEUE : HandlingTimeoutAction.valueOf(action));
        }
        catch (DateTimeParseException | NullPointerException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("service-level decision gave an unusable row: " + result, e);
        }
    }

    public PriorityTerms terms() {
        return new PriorityTerms(prioritySchema, minPriority, maxPriority, businessCalendar, null);
    }

    private static String text(Map<String, Object> result, String key) {
        String value = (String) result.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int number(Map<String, Object> result, String key) {
        return ((Number) result.get(key)).intValue();
    }
}
