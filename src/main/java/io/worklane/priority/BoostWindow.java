package io.worklane.priority;

import java.time.Duration;
import java.time.Instant;

/**
 * A window in which an item's priority is raised (or, with a negative boost, lowered) by a fixed amount, e.g. the
 * seed's lead promotion "between day 6 and day 8 after capture", or "within 2 hours of the due date".
 *
 * @param anchor what {@code from} and {@code until} count from
 * @param from start of the window, inclusive (may be negative when counting back from the due date)
 * @param until end of the window, exclusive
 * @param boost added to the priority while the window is open
 */
record BoostWindow(Anchor anchor, Duration from, Duration until, int boost) {

    enum Anchor {
        /** the moment the item was captured */
        CAPTURE,
        /** the item's due date */
        DUE
    }

    BoostWindow {
        if (anchor == null || from == null || until == null || until.compareTo(from) <= 0) {
            throw new IllegalArgumentException("a boost window needs an anchor and a 'from' before its 'until'");
        }
    }

    /** @return the instant the window opens, or null when its anchor is unknown (no due date) */
    Instant opensAt(Timeline timeline) {
        Instant base = anchorOf(timeline);
        return base == null ? null : base.plus(from);
    }

    Instant closesAt(Timeline timeline) {
        Instant base = anchorOf(timeline);
        return base == null ? null : base.plus(until);
    }

    boolean isOpen(Timeline timeline, Instant now) {
        Instant opens = opensAt(timeline);
        return opens != null && !now.isBefore(opens) && now.isBefore(closesAt(timeline));
    }

    private Instant anchorOf(Timeline timeline) {
        return anchor == Anchor.CAPTURE ? timeline.capturedAt() : timeline.dueAt();
    }
}
