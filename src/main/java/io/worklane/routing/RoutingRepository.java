package io.worklane.routing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.worklane.workitem.RoutingTarget;

/**
 * The router's hot-path SQL. Indexes: {@code work_item_routing_key_idx} (state, media type, routing key, then
 * distribution order), {@code work_item_preferred_idx}, the {@code agent_skill} primary key and
 * {@code agent_presence_idx}, the {@code agent_group} primary key (db/migration V1, V5 and V20). Skill expressions
 * are never turned into SQL: an item's routing key names the group, skill and proficiency every matching agent has
 * ({@link RoutingTarget#routingKey()}), the queries read only the keys an agent satisfies, and the router evaluates
 * the expression itself. The same statements run on PostgreSQL and H2.
 */
@Repository
class RoutingRepository {

    /** Holding the agent row serializes every offer to this agent across nodes; a busy agent is skipped. */
    private static final String LOCK_READY_AGENT = """
            SELECT id, answer_mode FROM agent WHERE id = :agentId AND presence = 'READY' FOR UPDATE SKIP LOCKED
            """;

    private static final String SKILLS = """
            SELECT skill, proficiency FROM agent_skill WHERE agent_id = :agentId
            """;

    private static final String GROUPS = """
            SELECT group_name FROM agent_group WHERE agent_id = :agentId
            """;

    private static final String ITEM_COLUMNS = """
            w.id, w.process_instance_id, w.priority, w.queued_at, w.target_level, w.target_expression, w.media_type,
            w.department""";

    /**
     * One run of the queue: the items of one media type and one routing key, in distribution order (highest
     * priority, then longest in queue, then id), read straight off {@code work_item_routing_key_idx} (V20) and
     * stopped after the page. Every item in it is one this agent's profile may take, unless the agent declined it
     * last or the full skill expression says no (the router evaluates it).
     */
    private static final String KEY_RUN = """
            (SELECT %1$s FROM work_item w
              WHERE w.state = 'QUEUED' AND w.media_type = :m%2$d AND w.routing_key = :k%3$d
                AND (w.declined_by IS NULL OR w.declined_by <> :agentId)
              ORDER BY w.priority DESC, w.queued_at ASC, w.id ASC
              LIMIT %4$d)""";

    /** The items waiting for this agent as their preferred agent ({@code work_item_preferred_idx}): a few. */
    private static final String PREFERRED_RUN = """
            (SELECT %1$s FROM work_item w
              WHERE w.preferred_agent = :agentId AND w.state = 'QUEUED' AND w.target_level = 'PREFERRED'
                AND w.media_type IN (:mediaTypes) AND (w.declined_by IS NULL OR w.declined_by <> :agentId)
              ORDER BY w.priority DESC, w.queued_at ASC, w.id ASC
              LIMIT %2$d)""";

    /**
     * One page of the queue in distribution order of the items this agent might take: the runs of its keys merged.
     * The work is bounded by the agent's profile, not by the queue: at most (page + offset) index entries per run,
     * one run per media type and key. An agent that matches nothing reads one index entry per run.
     */
    private static final String CANDIDATES = """
            SELECT c.* FROM (
            %s
            ) c ORDER BY c.priority DESC, c.queued_at ASC, c.id ASC
            LIMIT %d OFFSET %d
            """;

    private static final String QUEUED_ITEM = """
            SELECT w.id, w.process_instance_id, w.priority, w.queued_at, w.target_level, w.target_expression,
                   w.media_type, w.department, w.preferred_agent, w.declined_by, w.target_group, w.target_skill,
                   w.target_min_proficiency
              FROM work_item w
             WHERE w.id = :id AND w.state = 'QUEUED'
            """;

    /** Another node may hold the item, or have changed its target since it was read: then it is not ours. */
    private static final String LOCK_ITEM = """
            SELECT w.priority FROM work_item w
             WHERE w.id = :id AND w.state = 'QUEUED' AND w.target_level = :level
               AND w.target_expression IS NOT DISTINCT FROM :expression
               FOR UPDATE SKIP LOCKED
            """;

    private static final String MARK_ASSIGNED = """
            UPDATE agent SET last_assigned_at = :now WHERE id = :agentId
            """;

    private static final String MARK_RELEASED = """
            UPDATE agent SET last_released_at = :now WHERE id = :agentId
            """;

    /**
     * Fair share: the agent idle the longest comes first, idle since their last offer, their last freed slot or
     * becoming READY, whichever is latest. The placeholder: what else a ready agent must have (the item's routing
     * key, where it has one).
     */
    private static final String READY_AGENTS_WITH_SKILLS = """
            SELECT a.id, s.skill, s.proficiency
              FROM agent a LEFT JOIN agent_skill s ON s.agent_id = a.id
             WHERE a.presence = 'READY' %s
             ORDER BY GREATEST(COALESCE(a.last_assigned_at, a.presence_since), COALESCE(a.last_released_at, a.presence_since),
                      a.presence_since) ASC, a.id
            """;

    private static final String HAS_KEY_SKILL = """
            AND EXISTS (SELECT 1 FROM agent_skill k WHERE k.agent_id = a.id AND k.skill = :skill
                                                      AND k.proficiency >= :minProficiency)
            """;

    private static final String IN_KEY_GROUP = """
            AND EXISTS (SELECT 1 FROM agent_group g WHERE g.agent_id = a.id AND g.group_name = :group)
            """;

    private static final String ALL_AGENTS_WITH_SKILLS = """
            SELECT a.id, s.skill, s.proficiency FROM agent a LEFT JOIN agent_skill s ON s.agent_id = a.id
            """;

    /** The placeholder: whether only READY agents are read. */
    private static final String AGENT_GROUPS = """
            SELECT g.agent_id, g.group_name FROM agent_group g JOIN agent a ON a.id = g.agent_id %s
            """;

    private static final String READY_AGENTS = """
            SELECT id FROM agent WHERE presence = 'READY'
             ORDER BY GREATEST(COALESCE(last_assigned_at, presence_since), COALESCE(last_released_at, presence_since),
                      presence_since) ASC, id
            """;

    private final NamedParameterJdbcTemplate jdbc;

    RoutingRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record QueuedItem(String id, String processInstanceId, int priority, Instant queuedAt, String targetLevel,
            String targetExpression, String mediaType, String department) {
    }

    record ReadyAgent(String id, Map<String, Integer> skills, Set<String> groups) {
    }

    /** What a target expression is evaluated against: an agent's proficiencies and routing groups. */
    record Profile(Map<String, Integer> skills, Set<String> groups) {
    }

    /**
     * A queued item with what decides who may take it.
     *
     * @param key what every agent its target accepts has ({@link io.worklane.workitem.RoutingTarget#routingKey}); null:
     *        only the preferred agent
     */
    record Target(QueuedItem item, String preferredAgent, String declinedBy, Key key) {
    }

    /** A routing key's parts: the group (null: any) and the skill at a proficiency (null: none needed). */
    record Key(String group, String skill, int minProficiency) {
    }

    /** A ready agent, locked until the transaction ends; {@code answerMode} null: as configured. */
    record LockedAgent(String id, String answerMode) {
    }

    Optional<LockedAgent> lockReadyAgent(String agentId) {
        return jdbc.query(LOCK_READY_AGENT, agent(agentId),
                (row, n) -> new LockedAgent(row.getString("id"), row.getString("answer_mode"))).stream().findFirst();
    }

    Map<String, Integer> skillsOf(String agentId) {
        Map<String, Integer> skills = new LinkedHashMap<>();
        jdbc.query(SKILLS, agent(agentId), row -> {
            skills.put(row.getString("skill"), row.getInt("proficiency"));
        });
        return skills;
    }

    Set<String> groupsOf(String agentId) {
        return new HashSet<>(jdbc.queryForList(GROUPS, agent(agentId), String.class));
    }

    /**
     * @param keys the routing keys the agent's profile satisfies ({@link #keysOf})
     */
    List<QueuedItem> candidates(String agentId, List<String> mediaTypes, List<String> keys, int offset, int limit) {
        var parameters = agent(agentId);
        return jdbc.query(candidatesSql(mediaTypes, keys, offset, limit, parameters), parameters, QUEUED);
    }

    /**
     * The statement with page and offset as literals: with them as parameters PostgreSQL's generic plan guesses a
     * tenth of the table, costs the walk high enough for JIT compilation, and spends 70 ms compiling a 0.5 ms query.
     *
     * @param parameters the agent's; the media types and keys are added
     */
    static String candidatesSql(List<String> mediaTypes, List<String> keys, int offset, int limit,
            MapSqlParameterSource parameters) {
        int perRun = offset + limit;
        parameters.addValue("mediaTypes", mediaTypes);
        for (int m = 0; m < mediaTypes.size(); m++) {
            parameters.addValue("m" + m, mediaTypes.get(m));
        }
        List<String> runs = new ArrayList<>();
        runs.add(PREFERRED_RUN.formatted(ITEM_COLUMNS, perRun));
        for (int k = 0; k < keys.size(); k++) {
            parameters.addValue("k" + k, keys.get(k));
            for (int m = 0; m < mediaTypes.size(); m++) {
                runs.add(KEY_RUN.formatted(ITEM_COLUMNS, m, k, perRun));
            }
        }
        return CANDIDATES.formatted(String.join("\nUNION ALL\n", runs), limit, offset);
    }

    /**
     * Every routing key an agent with these skills and groups satisfies: per group it is in (and none), no skill,
     * or one of its skills at a proficiency from 1 to its own.
     */
    static List<String> keysOf(Map<String, Integer> skills, Set<String> groups) {
        List<String> keys = new ArrayList<>();
        List<String> inGroups = new ArrayList<>();
        inGroups.add(null);
        groups.stream().sorted().forEach(inGroups::add);
        for (String group : inGroups) {
            keys.add(RoutingTarget.routingKey(group, null, 0));
            skills.forEach((skill, proficiency) -> {
                for (int level = 1; level <= proficiency; level++) {
                    keys.add(RoutingTarget.routingKey(group, skill, level));
                }
            });
        }
        return keys;
    }

    Optional<Target> queuedItem(String id) {
        return jdbc.query(QUEUED_ITEM, new MapSqlParameterSource("id", id),
                (row, n) -> new Target(QUEUED.mapRow(row, n), row.getString("preferred_agent"),
                        row.getString("declined_by"), RoutingTargets.PREFERRED.equals(row.getString("target_level"))
                                ? null
                                : new Key(row.getString("target_group"), row.getString("target_skill"),
                                        row.getInt("target_min_proficiency"))))
            .stream()
            .findFirst();
    }

    /** @return the item's priority as locked (a step may have changed it since the queue was read); empty: not ours */
    Optional<Integer> lockItem(QueuedItem item) {
        var parameters = new MapSqlParameterSource("id", item.id()).addValue("level", item.targetLevel())
            .addValue("expression", item.targetExpression());
        return jdbc.queryForList(LOCK_ITEM, parameters, Integer.class).stream().findFirst();
    }

    void markAssigned(String agentId, Instant now) {
        jdbc.update(MARK_ASSIGNED, agent(agentId).addValue("now", now.atOffset(ZoneOffset.UTC)));
    }

    void markReleased(String agentId, Instant now) {
        jdbc.update(MARK_RELEASED, agent(agentId).addValue("now", now.atOffset(ZoneOffset.UTC)));
    }

    /**
     * The ready agents who have what the key names, with all their skills and groups, the longest idle first: an
     * item's router reads only the agents who may take it, not every ready agent.
     *
     * @param key null: every ready agent
     */
    List<ReadyAgent> readyAgentsWithSkills(Key key) {
        Map<String, Map<String, Integer>> agents = new LinkedHashMap<>();
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        StringBuilder having = new StringBuilder();
        if (key != null && key.skill() != null) {
            having.append(HAS_KEY_SKILL);
            parameters.addValue("skill", key.skill()).addValue("minProficiency", key.minProficiency());
        }
        if (key != null && key.group() != null) {
            having.append(IN_KEY_GROUP);
            parameters.addValue("group", key.group());
        }
        jdbc.query(READY_AGENTS_WITH_SKILLS.formatted(having), parameters, row -> {
            Map<String, Integer> skills = agents.computeIfAbsent(row.getString("id"), id -> new LinkedHashMap<>());
            if (row.getString("skill") != null) {
                skills.put(row.getString("skill"), row.getInt("proficiency"));
            }
        });
        Map<String, Set<String>> groups = groups("WHERE a.presence = 'READY'");
        return agents.entrySet().stream()
            .map(agent -> new ReadyAgent(agent.getKey(), agent.getValue(), groups.getOrDefault(agent.getKey(), Set.of())))
            .toList();
    }

    /** Every agent profile's skills and groups, whatever its presence. */
    Map<String, Profile> allAgents() {
        Map<String, Map<String, Integer>> agents = new LinkedHashMap<>();
        jdbc.query(ALL_AGENTS_WITH_SKILLS, new MapSqlParameterSource(), row -> {
            Map<String, Integer> skills = agents.computeIfAbsent(row.getString("id"), id -> new LinkedHashMap<>());
            if (row.getString("skill") != null) {
                skills.put(row.getString("skill"), row.getInt("proficiency"));
            }
        });
        Map<String, Set<String>> groups = groups("");
        Map<String, Profile> profiles = new LinkedHashMap<>();
        agents.forEach((id, skills) -> profiles.put(id, new Profile(skills, groups.getOrDefault(id, Set.of()))));
        return profiles;
    }

    private Map<String, Set<String>> groups(String condition) {
        Map<String, Set<String>> groups = new HashMap<>();
        jdbc.query(AGENT_GROUPS.formatted(condition), new MapSqlParameterSource(), row -> {
            groups.computeIfAbsent(row.getString("agent_id"), id -> new HashSet<>()).add(row.getString("group_name"));
        });
        return groups;
    }

    List<String> readyAgents() {
        return jdbc.queryForList(READY_AGENTS, new MapSqlParameterSource(), String.class);
    }

    private static final RowMapper<QueuedItem> QUEUED = (row, n) -> new QueuedItem(row.getString("id"),
            row.getString("process_instance_id"), row.getInt("priority"), row.getTimestamp("queued_at").toInstant(),
            row.getString("target_level"), row.getString("target_expression"), row.getString("media_type"),
            row.getString("department"));

    private static MapSqlParameterSource agent(String agentId) {
        return new MapSqlParameterSource("agentId", agentId);
    }
}
