package io.worklane.bulk;

/** What a bulk operation does to each item of its filter. */
enum BulkAction {
    HOLD, RESUME, CANCEL, COMPLETE,
    /** A priority override, with the operation's {@code priority} and optional {@code until}. */
    SET_PRIORITY,
    /** Back to the item's priority curve. */
    CLEAR_PRIORITY,
    /** A parked item back from its agent's workbin to the queue. */
    RETURN_TO_QUEUE
}
