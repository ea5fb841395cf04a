package io.worklane.benchmark;

import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the benchmark reads and writes in the database by SQL: ballast rows below the real items, the
 * reprioritization timers, the schema's size, and the plan of the queue API's query.
 */
final class QueueData {

    /** Bytes of each table of the schema, with its indexes and TOAST; Camunda's tables are the ACT_* ones. */
    record Footprint(Map<String, Long> tableBytes) {

        long camundaBytes() {
            return sum(true);
        }

        long worklaneBytes() {
            return sum(false);
        }

        private long sum(boolean camunda) {
            return tableBytes.entrySet()
                .stream()
                .filter(table -> table.getKey().startsWith("act_") == camunda)
                .mapToLong(Map.Entry::getValue)
                .sum();
        }

        /** Growth per item of each table since the earlier footprint, largest first. */
        String growthPerItemSince(Footprint earlier, int items) {
            StringBuilder growth = new StringBuilder();
            tableBytes.entrySet()
                .stream()
                .map(table -> Map.entry(table.getKey(),
                        table.getValue() - earlier.tableBytes().getOrDefault(table.getKey(), 0L)))
                .filter(table -> table.getValue() != 0)
                .sorted(Comparator.comparingLong(table -> -table.getValue()))
                .forEach(table -> growth.append(String.format(Locale.ROOT, "%-32s %10.0f bytes per item%n",
                        table.getKey(), table.getValue() / (double) items)));
            return growth.toString();
        }
    }

    static final String BALLAST_SOURCE = "ballast";
    /** The timer of the Queued subprocess's "Next priority step reached" (processes/work-item.bpmn). */
    static final String REPRIORITIZATION_TIMER = "Event_ReprioritizationDue";

    private static final String REPRIORITIZATION_JOBS = """
            WHERE job_def_id_ IN (SELECT id_ FROM act_ru_jobdef WHERE act_id_ = '%s')
            """.formatted(REPRIORITIZATION_TIMER);

    private final JdbcTemplate jdbc;

    QueueData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    int queued() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM work_item WHERE state = 'QUEUED'", Integer.class);
    }

    int inState(String state, String externalIdPrefix) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM work_item WHERE state = ? AND external_id LIKE ?",
                Integer.class, state, externalIdPrefix + "%");
    }

    /**
     * Queued rows that name no process instance, below every real item (the router passes over them, the queue
     * API and the indexes do not), numbered on from the rows already there.
     */
    void addBallast(int rows) {
        int minimumPriority = jdbc.queryForObject("SELECT MIN(priority) FROM work_item WHERE source_system <> ?",
                Integer.class, BALLAST_SOURCE);
        int present = jdbc.queryForObject("SELECT COUNT(*) FROM work_item WHERE source_system = ?", Integer.class,
                BALLAST_SOURCE);
        jdbc.update("""
                INSERT INTO work_item (id, process_instance_id, source_system, external_id, state, department, process,
                                       media_type, priority, required_skill, target_level, target_expression,
                                       target_skill, target_min_proficiency, routing_key, captured_at, queued_at, updated_at)
                SELECT 'ballast-' || i, 'no-instance-' || i, ?, 'B-' || i, 'QUEUED', 'Sales', 'Lead Handling',
                       'workitem', ? - 1 - i % 100, 'Sales Processing', 'PRIMARY', 'Sales Processing > 4',
                       'Sales Processing', 5, '|Sales Processing|5', now() - interval '1 day', now() - i * interval '1 second', now()
                  FROM generate_series(?, ?) AS i
                """, BALLAST_SOURCE, minimumPriority, present + 1, present + rows);
        jdbc.execute("ANALYZE work_item");
    }

    /**
     * Ballast as the queue page sees a real queue: a third Gold, a fifth Finance, due dates spread over a week,
     * captured one second apart; below the real items in priority, as {@link #addBallast} is.
     */
    void addVariedBallast(int rows) {
        int minimumPriority = jdbc.queryForObject("SELECT MIN(priority) FROM work_item WHERE source_system <> ?",
                Integer.class, BALLAST_SOURCE);
        int present = jdbc.queryForObject("SELECT COUNT(*) FROM work_item WHERE source_system = ?", Integer.class,
                BALLAST_SOURCE);
        jdbc.update("""
                INSERT INTO work_item (id, process_instance_id, source_system, external_id, state, department, process,
                                       customer_segment, surname, media_type, priority, required_skill, target_level,
                                       target_expression, target_skill, target_min_proficiency, routing_key, captured_at,
                                       queued_at, due_at, updated_at)
                SELECT 'ballast-' || i, 'no-instance-' || i, ?, 'B-' || i, 'QUEUED',
                       CASE WHEN i % 5 = 0 THEN 'Finance' ELSE 'Sales' END, 'Lead Handling',
                       CASE WHEN i % 3 = 0 THEN 'Gold' ELSE 'Silver' END, 'Ballast' || (i % 1000), 'workitem',
                       ? - 1 - i % 100, 'Sales Processing', 'PRIMARY', 'Sales Processing > 4', 'Sales Processing', 5, '|Sales Processing|5',
                       now() - interval '1 day' - i * interval '1 second', now() - i * interval '1 second',
                       now() + (i % 10080) * interval '1 minute', now()
                  FROM generate_series(?, ?) AS i
                """, BALLAST_SOURCE, minimumPriority, present + 1, present + rows);
        jdbc.execute("ANALYZE work_item");
    }

    int deleteBallast() {
        return jdbc.update("DELETE FROM work_item WHERE source_system = ?", BALLAST_SOURCE);
    }

    /** Live data only: rewrites every table first, so that dead rows of earlier runs and steps do not count. */
    Footprint footprint() {
        jdbc.execute("VACUUM FULL");
        Map<String, Long> tables = new TreeMap<>();
        jdbc.query("""
                SELECT c.relname, pg_total_relation_size(c.oid)
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
                """, row -> {
            tables.put(row.getString(1).toLowerCase(Locale.ROOT), row.getLong(2));
        });
        return new Footprint(tables);
    }

    int reprioritizationTimers() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job " + REPRIORITIZATION_JOBS, Integer.class);
    }

    /** Makes every reprioritization timer due at this instant, as if all items reached their next step at once. */
    int makeReprioritizationTimersDue(Timestamp now) {
        return jdbc.update("UPDATE act_ru_job SET duedate_ = ? " + REPRIORITIZATION_JOBS, now);
    }

    /** Timers still due at or before the instant: not yet fired (a fired timer is replaced by the next step's). */
    int reprioritizationTimersDueBy(Timestamp instant) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job " + REPRIORITIZATION_JOBS + " AND duedate_ <= ?", Integer.class,
                instant);
    }

    int failedJobs() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL", Integer.class);
    }

    /**
     * Rows inserted, updated and deleted in this database so far, by every session: PostgreSQL's statistics, which
     * a session reports after its transaction at most once a second; read until the count stops moving.
     */
    long rowsWritten() {
        AtomicLong last = new AtomicLong(-1);
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1_100))
            .until(() -> {
                long now = jdbc.queryForObject("""
                        SELECT tup_inserted + tup_updated + tup_deleted FROM pg_stat_database
                         WHERE datname = current_database()
                        """, Long.class);
                return now == last.getAndSet(now);
            });
        return last.get();
    }
}
