package io.worklane.agent;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemState;
import io.worklane.workitem.WorkItemView;

/**
 * The one free-slot rule. An item takes one of its agent's slots for its media type while it is OFFERED or
 * IN_PROGRESS, and while PARKED if {@code worklane.workbin.parked-items-count-against-capacity} is set; an agent
 * has a free slot for a media type while fewer items take one than its capacity for it (none configured: 0). The
 * router, a transfer to an agent, a supervisor's reassignment and the load people see all count here, with one
 * statement. The paths that assign decide under the agent's row lock, held until their transaction ends, so an
 * offer and a transfer at the same moment never both take the last slot.
 */
@Service
public class Slots {

    /**
     * Per agent and media type: slots taken and capacity. Media types the agent holds items of but has no capacity
     * for are listed too (capacity 0), so the load shown is the whole load. {@code %1$s}: the states that take a slot;
     * {@code %2$s} and {@code %3$s}: which agents or media types, in each branch of the union, so that each is an
     * index lookup (PostgreSQL pushes an outer condition down into the branches, H2 does not: it read every item
     * ever assigned).
     */
    private static final String LOAD = """
            SELECT m.agent_id, m.media_type, COALESCE(c.max_items, 0) AS capacity, COUNT(w.id) AS taken
              FROM (SELECT agent_id, media_type FROM agent_capacity WHERE %2$s
                    UNION
                    SELECT assignee, media_type FROM work_item
                     WHERE assignee IS NOT NULL AND state IN (%1$s) AND %3$s) m
              LEFT JOIN agent_capacity c ON c.agent_id = m.agent_id AND c.media_type = m.media_type
              LEFT JOIN work_item w ON w.assignee = m.agent_id AND w.media_type = m.media_type AND w.state IN (%1$s)
             GROUP BY m.agent_id, m.media_type, c.max_items
            """;

    /** Waits for whoever holds the agent (a router offering, another transfer) and holds it until commit. */
    private static final String LOCK_AGENT = """
            SELECT id FROM agent WHERE id = :agentId FOR UPDATE
            """;

    /** Slots taken of one media type, and the capacity for it. */
    public record Load(long taken, int capacity) {

        public boolean free() {
            return taken < capacity;
        }
    }

    /** The states that take a slot, and the statement for each scope. */
    private record Rule(Set<WorkItemState> slotStates, String ofAgent, String ofMediaType, String ofAgents,
            String ofEveryone) {

        static Rule of(boolean parkedItemsCount) {
            Set<WorkItemState> slotStates = parkedItemsCount
                    ? EnumSet.of(WorkItemState.OFFERED, WorkItemState.IN_PROGRESS, WorkItemState.PARKED)
                    : EnumSet.of(WorkItemState.OFFERED, WorkItemState.IN_PROGRESS);
            // enum names, not input: safe as literals, and literals let the planner use the statistics per state
            String states = slotStates.stream().map(state -> "'" + state.name() + "'").collect(Collectors.joining(", "));
            return new Rule(slotStates, LOAD.formatted(states, "agent_id = :agentId", "assignee = :agentId"),
                    LOAD.formatted(states, "media_type = :mediaType", "media_type = :mediaType"),
                    LOAD.formatted(states, "agent_id IN (:agentIds) AND media_type = :mediaType",
                            "assignee IN (:agentIds) AND media_type = :mediaType"),
                    LOAD.formatted(states, "TRUE", "TRUE"));
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private volatile Rule rule;

    Slots(NamedParameterJdbcTemplate jdbc, WorkbinSlotProperties properties) {
        this.jdbc = jdbc;
        this.rule = Rule.of(properties.parkedItemsCountAgainstCapacity());
    }

    /**
     * Tests only: switches the setting in the running application, so that both settings are tested in the one
     * application context the integration tests share (a second one would compete for the same jobs).
     */
    void parkedItemsCount(boolean count) {
        rule = Rule.of(count);
    }

    /** Whether an item in this state takes one of its agent's slots. */
    public boolean takesSlot(WorkItemState state) {
        return rule.slotStates().contains(state);
    }

    /** The agent's load per media type, as shown to people; no lock. */
    @Transactional(readOnly = true)
    public Map<String, Load> of(String agentId) {
        Map<String, Load> load = new TreeMap<>();
        jdbc.query(rule.ofAgent(), new MapSqlParameterSource("agentId", agentId),
                row -> { load.put(row.getString("media_type"), load(row)); });
        return load;
    }

    /** Every agent's load of one media type, by agent (agents without capacity or items of it are left out). */
    @Transactional(readOnly = true)
    public Map<String, Load> ofMediaType(String mediaType) {
        Map<String, Load> load = new LinkedHashMap<>();
        jdbc.query(rule.ofMediaType(), new MapSqlParameterSource("mediaType", mediaType),
                row -> { load.put(row.getString("agent_id"), load(row)); });
        return load;
    }

    /** The load of one media type of these agents, by agent (those without capacity or items of it left out). */
    @Transactional(readOnly = true)
    public Map<String, Load> ofAgents(Collection<String> agentIds, String mediaType) {
        Map<String, Load> load = new LinkedHashMap<>();
        if (agentIds.isEmpty()) {
            return load;
        }
        jdbc.query(rule.ofAgents(), new MapSqlParameterSource("mediaType", mediaType).addValue("agentIds", agentIds),
                row -> { load.put(row.getString("agent_id"), load(row)); });
        return load;
    }

    /** Every agent's load, by agent and media type. */
    @Transactional(readOnly = true)
    public Map<String, Map<String, Load>> ofEveryone() {
        Map<String, Map<String, Load>> load = new LinkedHashMap<>();
        jdbc.query(rule.ofEveryone(), new MapSqlParameterSource(), row -> {
            load.computeIfAbsent(row.getString("agent_id"), id -> new TreeMap<>())
                .put(row.getString("media_type"), load(row));
        });
        return load;
    }

    /**
     * The media types the agent has a free slot for. For the router, which holds the agent's row already (it skips
     * agents another transaction holds, rather than waiting for them).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> freeMediaTypes(String agentId) {
        return of(agentId).entrySet().stream().filter(load -> load.getValue().free()).map(Map.Entry::getKey).toList();
    }

    /**
     * Locks the agent's row until the caller's transaction ends and checks that the item may become theirs: it
     * holds a slot of theirs already, or they have a free one for its media type. The caller assigns the item in
     * the same transaction.
     *
     * @throws NoFreeSlot 422 naming the agent, the media type, the slots taken and the capacity
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireSlotFor(String agentId, WorkItemView item) {
        if (jdbc.queryForList(LOCK_AGENT, new MapSqlParameterSource("agentId", agentId), String.class).isEmpty()) {
            throw Problems.notFound("agent", agentId);
        }
        if (agentId.equals(item.assignee()) && takesSlot(item.state())) {
            return;
        }
        Load load = of(agentId).getOrDefault(item.mediaType(), new Load(0, 0));
        if (!load.free()) {
            throw new NoFreeSlot(agentId, item.mediaType(), load);
        }
    }

    private static Load load(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Load(row.getLong("taken"), row.getInt("capacity"));
    }

    /** The agent has no free slot for the item's media type: nothing was changed. */
    public static final class NoFreeSlot extends ErrorResponseException {

        private static final long serialVersionUID = 1L;

        NoFreeSlot(String agentId, String mediaType, Load load) {
            super(HttpStatus.UNPROCESSABLE_ENTITY, problem(agentId, mediaType, load), null);
        }

        private static ProblemDetail problem(String agentId, String mediaType, Load load) {
            ProblemDetail problem = Problems.detail(HttpStatus.UNPROCESSABLE_ENTITY, "no-free-slot", "No free slot",
                    agentId + " has no free slot for " + mediaType + " (" + load.taken() + " of " + load.capacity()
                            + " taken).");
            problem.setProperty("agent", agentId);
            problem.setProperty("mediaType", mediaType);
            problem.setProperty("taken", load.taken());
            problem.setProperty("capacity", load.capacity());
            return problem;
        }
    }
}
