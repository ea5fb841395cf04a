package io.worklane.insights;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One run of a report: its range as instants [from, to), the grain of its rows (DAY, INTERVAL, or null for one row
 * per group over the whole range), its filters, and what the caller may see.
 * @param departments the caller's departments; null: every department
 * @param agents the agents whose presence the caller may see; null: every agent
 */
record ReportQuery(Report report, Instant from, Instant to, Grain grain, Map<Dimension, String> filters,
        Set<String> departments, Set<String> agents) {

    /** The grain the facts are read at: a report over the whole range sums days. */
    Grain factGrain() {
        return grain == null ? Grain.DAY : grain;
    }
}
