package io.worklane.workitem;

import java.time.Instant;

/** The outcome of classification and service level that puts an item into the universal queue. */
public record Queueing(String department, String process, int priority, Instant dueAt, String requiredSkill,
        String targetLevel) {
}
