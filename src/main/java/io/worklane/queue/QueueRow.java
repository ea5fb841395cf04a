package io.worklane.queue;

import java.time.Instant;

/**
 * One line of the queue page.
 *
 * @param position its place in this order of this filter, from 1
 * @param waitingSeconds how long a QUEUED item has waited; null in other states
 */
record QueueRow(long position, String id, String externalId, String sourceSystem, String department, String process,
        String customerId, String customer, String customerSegment, String mediaType, String state, Integer priority,
        Instant dueAt, boolean overdue, Instant queuedAt, Long waitingSeconds, Instant capturedAt,
        String requiredSkill, String targetLevel, String agent) {

    static boolean ended(String state) {
        return "COMPLETED".equals(state) || "CANCELED".equals(state) || "REJECTED".equals(state);
    }

    /** The value of a sort column, as the cursor keeps it. */
    String sortValue(String column) {
        Object value = switch (column) {
            case "priority" -> priority;
            case "queued_at" -> queuedAt;
            case "due_at" -> dueAt;
            case "captured_at" -> capturedAt;
            default -> throw new IllegalArgumentException("no sort column " + column);
        };
        return value == null ? null : value.toString();
    }
}
