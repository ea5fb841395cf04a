package io.worklane.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.worklane.agent.Slots;

/** The reads behind "why still waiting": off the hot path, one item at a time. */
@Repository
class WaitingQueries {

    /** Walks work_item_distribution_idx (state, priority desc, queued_at, id) up to the item. */
    private static final String ITEMS_AHEAD = """
            SELECT COUNT(*) FROM work_item w
             WHERE w.state = 'QUEUED' AND w.media_type = :mediaType
               AND (w.priority > :priority
                    OR (w.priority = :priority AND (w.queued_at < :queuedAt
                                                    OR (w.queued_at = :queuedAt AND w.id < :id))))
            """;

    private static final String AGENT_STATES = """
            SELECT a.id, a.presence, a.presence_reason FROM agent a
            """;

    /** An agent's presence and whether they have a free slot for one media type ({@link Slots}). */
    record AgentState(String id, String presence, String reason, boolean hasFreeSlot) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Slots slots;

    WaitingQueries(NamedParameterJdbcTemplate jdbc, Slots slots) {
        this.jdbc = jdbc;
        this.slots = slots;
    }

    long itemsAhead(String id, String mediaType, int priority, Instant queuedAt) {
        return jdbc.queryForObject(ITEMS_AHEAD, new MapSqlParameterSource("id", id).addValue("mediaType", mediaType)
            .addValue("priority", priority)
            .addValue("queuedAt", java.sql.Timestamp.from(queuedAt)), Long.class);
    }

    List<AgentState> agentStates(String mediaType) {
        Map<String, Slots.Load> load = slots.ofMediaType(mediaType);
        return jdbc.query(AGENT_STATES, new MapSqlParameterSource(),
                (row, n) -> new AgentState(row.getString("id"), row.getString("presence"),
                        row.getString("presence_reason"),
                        load.containsKey(row.getString("id")) && load.get(row.getString("id")).free()));
    }
}
