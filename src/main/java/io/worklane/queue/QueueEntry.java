package io.worklane.queue;

import java.time.Instant;
import java.util.Map;

/** One line of the universal queue. */
record QueueEntry(int position, String id, String externalId, String sourceSystem, String department,
        String process, String customerSegment, String mediaType, int priority, Instant dueAt, boolean overdue,
        Instant queuedAt, long waitingSeconds, String requiredSkill, String targetLevel,
        Map<String, Object> contextData) {
}
