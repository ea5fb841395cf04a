package io.worklane.priority;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Component;

import io.worklane.models.DecisionOutputCheck;

/**
 * Refuses a deployment of {@code service-level.dmn} whose handling time-out is no positive ISO-8601 duration or
 * whose action after it is neither RETURN_TO_QUEUE nor EXCEPTION, from the app's start or from the Modeler: such a
 * rule would otherwise fail only when an item reaches it (an incident at "Apply service level").
 */
@Component
class ServiceLevelValidation extends DecisionOutputCheck {

    static final String DECISION = "service-level";
    private static final String TIMEOUT = "handlingTimeout";
    private static final String ACTION = "handlingTimeoutAction";

    ServiceLevelValidation() {
        super(DECISION);
    }

    @Override
    protected String problemWith(String output, String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        if (TIMEOUT.equals(output) && !isPositiveDuration(feelString(cell))) {
            return "a handling time-out is a positive ISO-8601 duration in quotes, e.g. \"PT4H\", or empty for none; "
                    + "found: " + cell;
        }
        if (ACTION.equals(output) && !isAction(feelString(cell))) {
            return "after the handling time-out comes \"RETURN_TO_QUEUE\" or \"EXCEPTION\" (empty: RETURN_TO_QUEUE); "
                    + "found: " + cell;
        }
        return null;
    }

    private static boolean isPositiveDuration(String text) {
        try {
            return text != null && Duration.parse(text).compareTo(Duration.ZERO) > 0;
        }
        catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isAction(String text) {
        try {
            return text != null && ServiceLevel.HandlingTimeoutAction.valueOf(text) != null;
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }
}
