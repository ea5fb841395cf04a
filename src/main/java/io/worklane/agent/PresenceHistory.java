package io.worklane.agent;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code agent_presence_change} (db/migration V9): every presence change, read per agent and day. */
@Repository
class PresenceHistory {

    record Change(Presence from, String fromReason, Presence to, String toReason, Instant at, String by) {
    }

    private static final String INSERT = """
            INSERT INTO agent_presence_change (agent_id, from_state, from_reason, to_state, to_reason, changed_at, changed_by)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    /** The changes in [from, to), oldest first, and the last one before: what the agent was at {@code from}. */
    private static final String BETWEEN = """
            SELECT from_state, from_reason, to_state, to_reason, changed_at, changed_by FROM agent_presence_change
             WHERE agent_id = ? AND changed_at >= COALESCE((SELECT MAX(changed_at) FROM agent_presence_change
                                                            WHERE agent_id = ? AND changed_at < ?), ?)
               AND changed_at < ?
             ORDER BY changed_at, id""";

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher publisher;

    PresenceHistory(JdbcTemplate jdbc, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    void record(String agentId, Change change) {
        var key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement(INSERT, new String[] { "id" });
            insert.setString(1, agentId);
            insert.setString(2, name(change.from()));
            insert.setString(3, change.fromReason());
            insert.setString(4, name(change.to()));
            insert.setString(5, change.toReason());
            insert.setTimestamp(6, Timestamp.from(change.at()));
            insert.setString(7, change.by());
            return insert;
        }, key);
        // in this transaction, as for the work item events (WorkItemEventRecorded)
        publisher.publishEvent(new PresenceChanged(key.getKey().longValue()));
    }

    /** The changes from the last one before {@code from} (if any) up to {@code to}, oldest first. */
    List<Change> since(String agentId, Instant from, Instant to) {
        return jdbc.query(BETWEEN, (row, i) -> new Change(presence(row.getString(1)), row.getString(2),
                presence(row.getString(3)), row.getString(4), row.getTimestamp(5).toInstant(), row.getString(6)),
                agentId, agentId, Timestamp.from(from), Timestamp.from(from), Timestamp.from(to));
    }

    private static String name(Presence presence) {
        return presence == null ? null : presence.name();
    }

    private static Presence presence(String name) {
        return name == null ? null : Presence.valueOf(name);
    }
}
