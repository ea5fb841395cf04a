package io.worklane.workitem;

import java.time.Instant;

/**
 * Another item of the same customer, as an agent sees it beside the one in hand: what was asked, where, when, and
 * how it ended; not its case data.
 */
public record ContactHistoryEntry(String id, String externalId, String sourceSystem, String department,
        String requestType, String mediaType, WorkItemState state, Instant capturedAt, Instant endedAt,
        String disposition) {

    static ContactHistoryEntry of(WorkItemView item) {
        Instant ended = item.completedAt() != null ? item.completedAt()
                : item.canceledAt() != null ? item.canceledAt() : item.doneAt();
        return new ContactHistoryEntry(item.id(), item.externalId(), item.sourceSystem(), item.department(),
                item.requestType(), item.mediaType(), item.state(), item.capturedAt(), ended, item.disposition());
    }
}
