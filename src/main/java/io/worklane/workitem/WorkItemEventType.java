package io.worklane.workitem;

/** What happened to a work item; one row in {@code work_item_event} each. */
public enum WorkItemEventType {
    CAPTURED, REJECTED, CONTEXT_LOOKED_UP, CLASSIFIED, SCHEDULED, QUEUED, OFFERED, DONE, CONFIRMATION_OVERDUE, UPDATED, RECLASSIFIED,
    HELD, RESUMED, CANCELED, COMPLETED, RESTARTED, REPRIORITIZED, OVERDUE,
    TARGET_EXPANDED
}
