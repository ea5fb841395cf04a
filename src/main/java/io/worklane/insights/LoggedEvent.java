package io.worklane.insights;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of {@code work_item_event} as the facts read it (FactSource). */
record LoggedEvent(long id, String itemId, String type, String state, String agentId, Instant at, Dims dims,
        Integer priority, BigDecimal dealValue, Instant dueAt) {

    boolean ends() {
        return "COMPLETED".equals(state) || "CANCELED".equals(state) || "REJECTED".equals(state);
    }
}
