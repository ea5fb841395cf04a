package io.worklane.insights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the facts of record: the event log (by item, in the order written) and the presence history. */
@Repository
class FactSource {

    record PresenceSpan(long id, String agentId, String state, String reason, Instant from, Instant to) {
    }

    private static final String EVENT_COLUMNS = "id, work_item_id, type, state, agent_id, occurred_at, department, "
            + "process, customer_segment, source_system, media_type, priority, deal_value, due_at";

    /** The events of these items up to a point, by item and in order (work_item_event_item_idx). */
    private static final String TIMELINES = "SELECT " + EVENT_COLUMNS + " FROM work_item_event "
            + "WHERE work_item_id IN (:items) AND id <= :upTo ORDER BY work_item_id, id";

    /** Each change with the one before it for the same agent: the span it ends (agent_presence_change_agent_idx). */
    private static final String SPANS = """
            SELECT c.id, c.agent_id, c.from_state, c.from_reason, c.changed_at,
                   (SELECT MAX(p.changed_at) FROM agent_presence_change p
                     WHERE p.agent_id = c.agent_id AND p.changed_at <= c.changed_at AND p.id <> c.id
                       AND (p.changed_at < c.changed_at OR p.id < c.id))
              FROM agent_presence_change c WHERE c.id IN (:ids)""";

    private final NamedParameterJdbcTemplate jdbc;

    FactSource(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The items these events belong to. */
    List<String> itemsOf(Collection<Long> eventIds) {
        return jdbc.queryForList("SELECT DISTINCT work_item_id FROM work_item_event WHERE id IN (:ids)",
                new MapSqlParameterSource("ids", eventIds), String.class);
    }

    List<LoggedEvent> timelines(Collection<String> items, long upTo) {
        return jdbc.query(TIMELINES, new MapSqlParameterSource("items", items).addValue("upTo", upTo),
                FactSource::event);
    }

    /** An item in a rebuild's walk, newest first. */
    record Captured(String id, Instant at) {
    }

    /**
     * A rebuild's next chunk of items, newest first after {@code after} (null: the newest): in the order of
     * work_item_captured_idx (V11), so that a chunk's facts fall in few periods and their rows are written together.
     */
    List<Captured> itemsBefore(Captured after, int limit) {
        String where = after == null ? "" : "WHERE captured_at < :at OR (captured_at = :at AND id > :id) ";
        MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit);
        if (after != null) {
            parameters.addValue("at", Timestamp.from(after.at())).addValue("id", after.id());
        }
        return jdbc.query("SELECT id, captured_at FROM work_item " + where + "ORDER BY captured_at DESC, id LIMIT :limit",
                parameters, (row, i) -> new Captured(row.getString(1), row.getTimestamp(2).toInstant()));
    }

    List<PresenceSpan> spansEndedBy(Collection<Long> changeIds) {
        return jdbc.query(SPANS, new MapSqlParameterSource("ids", changeIds), (row, i) -> new PresenceSpan(row.getLong(1),
                row.getString(2), row.getString(3), row.getString(4), instant(row.getTimestamp(6)),
                row.getTimestamp(5).toInstant()));
    }

    /** Ids of presence changes after {@code after}, {@code limit} at most: a rebuild's chunk. */
    List<Long> presenceChangesAfter(long after, int limit) {
        return jdbc.queryForList("SELECT id FROM agent_presence_change WHERE id > :after ORDER BY id LIMIT :limit",
                new MapSqlParameterSource("after", after).addValue("limit", limit), Long.class);
    }

    private static LoggedEvent event(ResultSet row, int i) throws SQLException {
        return new LoggedEvent(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getTimestamp(6).toInstant(), new Dims(row.getString(7), row.getString(8), row.getString(9),
                        row.getString(10), row.getString(11)),
                (Integer) row.getObject(12, Integer.class), row.getBigDecimal(13), instant(row.getTimestamp(14)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
