package io.worklane.exceptions;

import java.util.List;

/** The exceptions a supervisor is told of, and what each lets them do. */
enum ExceptionKind {

    OVERDUE("Overdue", 900, List.of(Resolution.REASSIGN, Resolution.SET_PRIORITY, Resolution.HOLD,
            Resolution.ACKNOWLEDGE)),
    CONTEXT_FAILING("Context source failing", 800, List.of(Resolution.RETRY, Resolution.ACKNOWLEDGE)),
    RONA_TWICE("Two offers missed", 700, List.of(Resolution.SET_READY, Resolution.ACKNOWLEDGE)),
    PARKED_UNTOUCHED("Parked and untouched", 500, List.of(Resolution.RETURN_TO_QUEUE, Resolution.REASSIGN,
            Resolution.ACKNOWLEDGE)),
    CONFIRMATION_MISSING("No confirmation from the source", 600, List.of(Resolution.COMPLETE, Resolution.CANCEL,
            Resolution.ACKNOWLEDGE)),
    REJECTED("Rejected at capture", 400, List.of(Resolution.ACKNOWLEDGE)),
    /** An agent has had the item longer than its service level's handling time-out allows (action EXCEPTION). */
    HANDLING_TIMED_OUT("Handling timed out", 650, List.of(Resolution.REASSIGN, Resolution.HOLD, Resolution.COMPLETE,
            Resolution.CANCEL, Resolution.ACKNOWLEDGE));

    /** What the supervisor chooses in the form. */
    enum Resolution {
        REASSIGN("Give it to an agent"), SET_PRIORITY("Set its priority"), HOLD("Hold it"),
        RETRY("Retry the lookup"), SET_READY("Set the agent READY"), RETURN_TO_QUEUE("Return it to the queue"),
        COMPLETE("Complete it"), CANCEL("Cancel it"), ACKNOWLEDGE("Noted: nothing to do now");

        final String label;

        Resolution(String label) {
            this.label = label;
        }
    }

    final String title;
    final int priority;
    final List<Resolution> resolutions;

    ExceptionKind(String title, int priority, List<Resolution> resolutions) {
        this.title = title;
        this.priority = priority;
        this.resolutions = resolutions;
    }
}
