package io.worklane.workitem;

/**
 * A row was added to {@code work_item_event}; published synchronously in the transaction that adds it, so that a
 * listener's own writes commit or roll back with the event.
 */
public record WorkItemEventRecorded(long eventId) {
}
