package io.worklane.queue;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The row {@code decisions/service-level.dmn} chose for an item. */
record ServiceLevel(Duration sla, int initialPriority, int minPriority, int maxPriority, String requiredSkill,
        Duration confirmationTimeout) {

    /** Reads the decision's single result; a malformed rule fails loudly, so Cockpit shows an incident. */
    static ServiceLevel from(Map<String, Object> result) {
        if (result == null) {
            throw new IllegalStateException("service-level decision matched no rule");
        }
        String sla = (String) result.get("slaDuration");
        try {
            Duration duration = Duration.parse(sla);
            int min = number(result, "minPriority");
            int max = number(result, "maxPriority");
            if (duration.isNegative() || duration.isZero() || min > max) {
                throw new IllegalStateException("service-level decision gave an unusable row: " + result);
            }
            String skill = (String) result.get("requiredSkill");
            if (skill == null || skill.isBlank()) {
                throw new IllegalStateException("service-level decision gave no required skill: " + result);
            }
            String confirmation = (String) result.get("confirmationTimeout");
            Duration confirmationTimeout = confirmation == null || confirmation.isBlank() ? null
                    : Duration.parse(confirmation);
            return new ServiceLevel(duration, number(result, "initialPriority"), min, max, skill,
                    confirmationTimeout);
        }
        catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalStateException("service-level decision gave an unusable row: " + result, e);
        }
    }

    /** The decision's initial priority, kept within the schema's bounds. */
    int clampedInitialPriority() {
        return Math.max(minPriority, Math.min(maxPriority, initialPriority));
    }

    private static int number(Map<String, Object> result, String key) {
        return ((Number) result.get(key)).intValue();
    }
}
