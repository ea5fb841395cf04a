package io.worklane.priority;

import java.time.Instant;

/**
 * The instants an item's priority curve is drawn between.
 *
 * @param capturedAt when the item was captured (or restarted): boost windows may count from it
 * @param startAt where the curve starts: the activation date when it lies after capture, else the capture
 * @param dueAt the due date; null: none (the curve never turns overdue)
 */
record Timeline(Instant capturedAt, Instant startAt, Instant dueAt) {

    Timeline {
        if (capturedAt == null || startAt == null) {
            throw new IllegalArgumentException("a priority timeline needs its capture and start instants");
        }
    }

    boolean isOverdueAt(Instant now) {
        return dueAt != null && !now.isBefore(dueAt);
    }
}
