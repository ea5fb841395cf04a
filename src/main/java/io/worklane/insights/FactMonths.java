package io.worklane.insights;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Builds a rebuild's month rows from its day rows, one statement per month and table. A rebuild replays history in
 * chunks of items; writing each chunk's changes to the months as well would update every month row once per chunk
 * (a dead row version each time), where summing the finished days writes each month row once. Live folds write the
 * months directly (FactDeltas).
 */
@Repository
class FactMonths {

    private static final String DIMS = "department, process, customer_segment, source_system, media_type, agent_id";
    private static final String MEASURES = Arrays.stream(Measure.values()).map(Measure::column)
        .collect(Collectors.joining(", "));
    private static final String FACTS = "INSERT INTO report_fact (grain, period_start, " + DIMS + ", " + MEASURES
            + ", priority_min, priority_max, value_captured, value_completed) SELECT 'M', ?, " + DIMS + ", "
            + FactQueries.SUMS + " FROM report_fact "
            + "WHERE grain = 'D' AND period_start >= ? AND period_start < ? GROUP BY " + DIMS;
    private static final String DURATIONS = "INSERT INTO report_duration (grain, period_start, " + DIMS
            + ", measure, bucket, n) SELECT 'M', ?, " + DIMS + ", measure, bucket, SUM(n) FROM report_duration "
            + "WHERE grain = 'D' AND period_start >= ? AND period_start < ? GROUP BY " + DIMS + ", measure, bucket";
    private static final String PRESENCE = "INSERT INTO report_presence (grain, period_start, agent_id, state, reason, "
            + "seconds) SELECT 'M', ?, agent_id, state, reason, SUM(seconds) FROM report_presence "
            + "WHERE grain = 'D' AND period_start >= ? AND period_start < ? GROUP BY agent_id, state, reason";

    private final JdbcTemplate jdbc;
    private final InsightsProperties properties;

    FactMonths(JdbcTemplate jdbc, InsightsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Sums the day rows of every month that has some into its month rows; there must be no month rows yet. */
    void sumDaysIntoMonths() {
        for (String table : new String[] { "report_fact", "report_duration", "report_presence" }) {
            Timestamp[] range = jdbc.queryForObject("SELECT MIN(period_start), MAX(period_start) FROM " + table
                    + " WHERE grain = 'D'", (row, n) -> new Timestamp[] { row.getTimestamp(1), row.getTimestamp(2) });
            if (range == null || range[0] == null) {
                continue;
            }
            String insert = switch (table) {
                case "report_fact" -> FACTS;
                case "report_duration" -> DURATIONS;
                default -> PRESENCE;
            };
            Instant last = range[1].toInstant();
            for (Instant month = Grain.MONTH.periodOf(range[0].toInstant(), properties.zone()); !month.isAfter(last);
                    month = Grain.MONTH.next(month, properties.zone())) {
                Timestamp start = Timestamp.from(month);
                jdbc.update(insert, start, start, Timestamp.from(Grain.MONTH.next(month, properties.zone())));
            }
        }
    }
}
