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
 */
public record ServiceLevel(Duration sla, String businessCalendar, String prioritySchema, int minPriority,
        int maxPriority, String requiredSkill, Duration confirmationTimeout) {

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
            return new ServiceLevel(sla, calendar, schema, min, max, skill,
                    confirmation == null ? null : Duration.parse(confirmation));
        }
        catch (DateTimeParseException | NullPointerException | ClassCastException e) {
            throw new IllegalStateException("service-level decision gave an unusable row: " + result, e);
        }
    }

    public PriorityTerms terms() {
        return new PriorityTerms(prioritySchema, minPriority, maxPriority, businessCalendar);
    }

    private static String text(Map<String, Object> result, String key) {
        String value = (String) result.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int number(Map<String, Object> result, String key) {
        return ((Number) result.get(key)).intValue();
    }
}
