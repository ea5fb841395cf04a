package io.worklane.routing;

import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The router's hot-path SQL. Indexes: {@code work_item_distribution_idx}, {@code work_item_assignee_idx},
 * {@code agent_skill} primary key and {@code agent_presence_idx} (db/migration/V1__work_items_and_agents.sql).
 * The same statements run on PostgreSQL and H2.
 */
@Repository
class RoutingRepository {

    /** Holding the agent row serializes every offer to this agent across nodes; a busy agent is skipped. */
    private static final String LOCK_READY_AGENT = """
            SELECT id FROM agent WHERE id = :agentId AND presence = 'READY' FOR UPDATE SKIP LOCKED
            """;

    private static final String FREE_MEDIA_TYPES = """
            SELECT c.media_type
              FROM agent_capacity c
             WHERE c.agent_id = :agentId
               AND c.max_items > (SELECT COUNT(*) FROM work_item w
                                   WHERE w.assignee = c.agent_id AND w.media_type = c.media_type
                                     AND w.state IN ('OFFERED', 'IN_PROGRESS'))
            """;

    /**
     * Highest priority first, then longest in queue; an item another node is offering is skipped, and so is one
     * whose process instance is suspended (Cockpit) or gone: it could not take the offer and would block the rest.
     */
    private static final String LOCK_BEST_ITEM = """
            SELECT w.id, w.process_instance_id, w.priority, w.queued_at, w.required_skill
              FROM work_item w
             WHERE w.state = 'QUEUED'
               AND w.media_type IN (:mediaTypes)
               AND EXISTS (SELECT 1 FROM agent_skill s
                            WHERE s.agent_id = :agentId AND s.skill = w.required_skill AND s.proficiency > 0)
               AND EXISTS (SELECT 1 FROM act_ru_execution e
                            WHERE e.id_ = w.process_instance_id AND e.suspension_state_ = 1)
             ORDER BY w.priority DESC, w.queued_at ASC
             LIMIT 1
               FOR UPDATE SKIP LOCKED
            """;

    private static final String PROFICIENCY = """
            SELECT proficiency FROM agent_skill WHERE agent_id = :agentId AND skill = :skill
            """;

    private static final String MARK_ASSIGNED = """
            UPDATE agent SET last_assigned_at = :now WHERE id = :agentId
            """;

    /** Fair share: the agent idle the longest comes first. */
    private static final String READY_AGENTS_WITH_SKILL = """
            SELECT a.id
              FROM agent a
             WHERE a.presence = 'READY'
               AND EXISTS (SELECT 1 FROM agent_skill s
                            WHERE s.agent_id = a.id AND s.skill = :skill AND s.proficiency > 0)
             ORDER BY COALESCE(a.last_assigned_at, a.presence_since) ASC, a.id
             LIMIT :limit
            """;

    private static final String READY_AGENTS = """
            SELECT id FROM agent WHERE presence = 'READY'
             ORDER BY COALESCE(last_assigned_at, presence_since) ASC, id
            """;

    private final NamedParameterJdbcTemplate jdbc;

    RoutingRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record QueuedItem(String id, String processInstanceId, int priority, Instant queuedAt, String requiredSkill) {
    }

    boolean lockReadyAgent(String agentId) {
        return !jdbc.queryForList(LOCK_READY_AGENT, agent(agentId), String.class).isEmpty();
    }

    List<String> freeMediaTypes(String agentId) {
        return jdbc.queryForList(FREE_MEDIA_TYPES, agent(agentId), String.class);
    }

    Optional<QueuedItem> lockBestItem(String agentId, List<String> mediaTypes) {
        var parameters = agent(agentId).addValue("mediaTypes", mediaTypes);
        return jdbc.query(LOCK_BEST_ITEM, parameters,
                (row, n) -> new QueuedItem(row.getString("id"), row.getString("process_instance_id"),
                        row.getInt("priority"), row.getTimestamp("queued_at").toInstant(),
                        row.getString("required_skill")))
            .stream()
            .findFirst();
    }

    int proficiency(String agentId, String skill) {
        return jdbc.queryForObject(PROFICIENCY, agent(agentId).addValue("skill", skill), Integer.class);
    }

    void markAssigned(String agentId, Instant now) {
        jdbc.update(MARK_ASSIGNED, agent(agentId).addValue("now", now.atOffset(ZoneOffset.UTC)));
    }

    List<String> readyAgentsWithSkill(String skill, int limit) {
        return jdbc.queryForList(READY_AGENTS_WITH_SKILL,
                new MapSqlParameterSource("skill", skill).addValue("limit", limit), String.class);
    }

    List<String> readyAgents() {
        return jdbc.queryForList(READY_AGENTS, new MapSqlParameterSource(), String.class);
    }

    private static MapSqlParameterSource agent(String agentId) {
        return new MapSqlParameterSource("agentId", agentId);
    }
}
