package io.worklane.priority;

import java.time.Duration;
import java.util.List;

/**
 * How an item's priority moves over time, as {@code decisions/priority-schema.dmn} states it. Blank cells there
 * are nulls here and take the defaults named below, which depend on the segment's min and max.
 *
 * @param name the schema's name, as the service level names it
 * @param initialPriority where the curve starts; null: the segment's min priority
 * @param increment added at every step (negative: the item's value degrades); null: derived, so that the item
 *            reaches {@code priorityAtDue} at its last step before the due date
 * @param stepIntervals the periods between steps, in order; the last one repeats
 * @param priorityAtDue what a derived increment climbs to; null: the segment's max priority
 * @param overduePriority the priority from the due date on; null: the segment's max priority
 * @param boostWindows raise (or lower) the priority while open
 */
record PrioritySchema(String name, Integer initialPriority, Integer increment, List<Duration> stepIntervals,
        Integer priorityAtDue, Integer overduePriority, List<BoostWindow> boostWindows) {

    PrioritySchema {
        if (stepIntervals == null || stepIntervals.isEmpty()
                || stepIntervals.stream().anyMatch(step -> step == null || step.isNegative() || step.isZero())) {
            throw new IllegalArgumentException("priority schema '" + name + "' needs one or more positive step intervals");
        }
        stepIntervals = List.copyOf(stepIntervals);
        boostWindows = boostWindows == null ? List.of() : List.copyOf(boostWindows);
    }

    /** This schema drawn within a segment's bounds. */
    PriorityCurve within(int minPriority, int maxPriority) {
        if (minPriority > maxPriority) {
            throw new IllegalArgumentException("priority schema '" + name + "': min priority " + minPriority
                    + " is above max priority " + maxPriority);
        }
        return new PriorityCurve(this, minPriority, maxPriority);
    }
}
