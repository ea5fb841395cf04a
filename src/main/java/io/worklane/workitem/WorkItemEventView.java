package io.worklane.workitem;

import java.time.Instant;
import java.util.Map;

/** One entry of an item's history. */
public record WorkItemEventView(long sequence, WorkItemEventType type, WorkItemState state, Actor actor,
        Instant occurredAt, Map<String, Object> details) {
}
