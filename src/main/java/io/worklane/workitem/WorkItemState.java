package io.worklane.workitem;

/** Lifecycle states of a work item, as named by the external API. */
public enum WorkItemState {
    CAPTURED, REJECTED, SCHEDULED, QUEUED, OFFERED, IN_PROGRESS, PARKED, HELD, AWAITING_CONFIRMATION, COMPLETED,
    CANCELED;

    public boolean isEnd() {
        return this == COMPLETED || this == CANCELED || this == REJECTED;
    }
}
