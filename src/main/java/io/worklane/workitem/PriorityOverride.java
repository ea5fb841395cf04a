package io.worklane.workitem;

import java.time.Instant;

/**
 * A supervisor's priority for a queued item, in place of its curve until {@code until} (null: while it is queued).
 *
 * @param by the supervisor who set it
 */
public record PriorityOverride(int priority, Instant until, String by) {

    public boolean activeAt(Instant now) {
        return until == null || until.isAfter(now);
    }
}
