package io.worklane.insights;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drops facts older than {@code worklane.insights.retention-months}, whole months (the event log stays, so a rebuild
 * brings them back). The backlog is a running sum, so what the dropped rows added to it is kept in one row per group at the
 * epoch first.
 */
@Component
class FactRetention {

    private static final String CARRY = """
            SELECT grain, department, process, customer_segment, source_system, media_type,
                   SUM(backlog_change), SUM(backlog_since_change), SUM(backlog_day_old_change)
              FROM report_fact WHERE period_start < ? AND period_start > ?
             GROUP BY grain, department, process, customer_segment, source_system, media_type""";

    private final JdbcTemplate jdbc;
    private final FactStore store;
    private final InsightsProperties properties;
    private final Clock clock;

    FactRetention(JdbcTemplate jdbc, FactStore store, InsightsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${worklane.insights.retention-cron:0 17 3 * * *}")
    @Transactional
    public void dropExpired() {
        store.holdFoldLock();
        Instant cutoff = ZonedDateTime.ofInstant(clock.instant(), properties.zone())
            .minusMonths(properties.retentionMonths()).toLocalDate().withDayOfMonth(1).atStartOfDay(properties.zone())
            .toInstant();
        Timestamp carried = Timestamp.from(Instant.EPOCH);
        FactDeltas carry = new FactDeltas(properties.zone());
        jdbc.query(CARRY, row -> {
            Grain grain = Grain.of(row.getString(1));
            carry.carry(grain, new Dims(row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                    row.getString(6)), row.getLong(7), row.getLong(8), row.getLong(9));
        }, Timestamp.from(cutoff), carried);
        store.write(carry);
        for (String table : new String[] { "report_fact", "report_duration", "report_presence" }) {
            jdbc.update("DELETE FROM " + table + " WHERE period_start < ? AND period_start > ?", Timestamp.from(cutoff),
                    carried);
        }
    }
}
