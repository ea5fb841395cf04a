package io.worklane.queue;

import java.util.List;

/**
 * The orders the queue page offers, each walked through an index of its own (V11) and paged by keyset: a page
 * starts after the last row of the one before, so page 1,000 costs what page 1 costs.
 */
enum QueueSort {

    /** The router's order: highest priority, then longest in the queue. */
    DISTRIBUTION(List.of(new Key("priority", true, false), new Key("queued_at", false, true))),
    /** The soonest due first; items without a due date last. */
    DUE(List.of(new Key("due_at", false, true))),
    /** The newest first. */
    CAPTURED(List.of(new Key("captured_at", true, true)));

    /**
     * A sort column, an instant or else an integer. Nulls sort as PostgreSQL's indexes keep them: last when
     * ascending, first when descending (written out, so H2 sorts the same).
     */
    record Key(String column, boolean descending, boolean instant) {
    }

    private final List<Key> keys;

    QueueSort(List<Key> keys) {
        this.keys = keys;
    }

    List<Key> keys() {
        return keys;
    }

    String orderBy() {
        StringBuilder order = new StringBuilder();
        for (Key key : keys) {
            order.append(key.column()).append(key.descending() ? " DESC NULLS FIRST, " : " ASC NULLS LAST, ");
        }
        return order.append("id ASC").toString();
    }
}
