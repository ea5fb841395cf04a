package io.worklane.simulation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.worklane.agent.AgentView;
import io.worklane.agent.Agents;
import io.worklane.web.Problems;

/**
 * A recorded period as a scenario: the items captured in it (as their source sent them, with the handle time they
 * took), the agents who worked then (their shifts and NOT_READY periods from the presence history, their profiles as
 * they are now), handle times fitted per department, and how MANUAL agents answered. Reads the event log and the
 * presence history, as the insights do.
 */
@Component
class RecordedDay {

    static final int MAX_ITEMS = 200_000;

    private static final String ITEMS = """
            SELECT id, requested_department, requested_process, customer_id, customer_segment, product, subproduct,
                   request_type, deal_value, media_type, attributes, requested_priority, requested_due_at,
                   activation_at, preferred_agent, captured_at
              FROM work_item
             WHERE captured_at >= :from AND captured_at < :to
             ORDER BY captured_at, id
             LIMIT :limit
            """;

    /**
     * When each item of the period was taken and done: its handle time is the last uninterrupted span from taken to
     * done (a park, a hold, a return to the queue or a timeout ends a span; a transfer starts the next agent's).
     */
    private static final String HANDLING = """
            SELECT e.work_item_id, e.type, e.state, e.occurred_at, w.department
              FROM work_item w JOIN work_item_event e ON e.work_item_id = w.id
             WHERE w.captured_at >= :from AND w.captured_at < :to AND e.occurred_at < :until
               AND e.type IN ('OFFERED', 'ACCEPTED', 'RONA', 'DONE', 'TRANSFERRED', 'REASSIGNED', 'PARKED', 'HELD',
                              'RETURNED_TO_QUEUE', 'HANDLING_TIMED_OUT', 'CANCELED')
             ORDER BY e.work_item_id, e.id
            """;

    private static final String PRESENCE = """
            SELECT agent_id, to_state, to_reason, changed_at
              FROM agent_presence_change
             WHERE changed_at < :to
               AND (changed_at >= :from OR id IN (SELECT MAX(id) FROM agent_presence_change
                                                   WHERE changed_at < :from GROUP BY agent_id))
             ORDER BY agent_id, changed_at, id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Agents agents;
    private final ObjectMapper json;

    RecordedDay(NamedParameterJdbcTemplate jdbc, Agents agents, ObjectMapper json) {
        this.jdbc = jdbc;
        this.agents = agents;
        this.json = json;
    }

    /** The handle times and answers measured in the period; {@code offers}: those to MANUAL agents. */
    private record Handling(Map<String, Double> secondsByItem, Map<String, List<Double>> secondsByDepartment,
            int offers, int missed, List<Double> answerSeconds) {
    }

    Scenario of(Instant from, Instant to, long seed) {
        MapSqlParameterSource period = new MapSqlParameterSource("from", Timestamp.from(from))
            .addValue("to", Timestamp.from(to))
            .addValue("until", Timestamp.from(to.plus(Duration.ofDays(7))))
            .addValue("limit", MAX_ITEMS + 1);
        Handling handling = handling(period);
        List<RosterAgent> roster = roster(from, to, period);
        Set<String> rostered = roster.stream().map(RosterAgent::id).collect(Collectors.toSet());
        List<Scenario.RecordedArrival> arrivals = new ArrayList<>();
        jdbc.query(ITEMS, period, row -> {
            arrivals.add(new Scenario.RecordedArrival(row.getTimestamp("captured_at").toInstant(), item(row, rostered),
                    handling.secondsByItem().get(row.getString("id"))));
        });
        if (arrivals.size() > MAX_ITEMS) {
            throw Problems.exception(HttpStatus.UNPROCESSABLE_ENTITY, "period-too-large", "Period too large",
                    "More than " + MAX_ITEMS + " items were captured in this period: simulate a shorter one.",
                    Map.of("maxItems", MAX_ITEMS));
        }
        return new Scenario(from, Duration.between(from, to), seed, false,
                new Scenario.Arrivals(arrivals, null), handleTimes(handling), roster, answering(handling), null);
    }

    private Map<String, Object> item(ResultSet row, Set<String> rostered) throws SQLException {
        Map<String, Object> item = new LinkedHashMap<>();
        put(item, "department", row.getString("requested_department"));
        put(item, "process", row.getString("requested_process"));
        put(item, "customerId", row.getString("customer_id"));
        put(item, "customerSegment", row.getString("customer_segment"));
        put(item, "product", row.getString("product"));
        put(item, "subproduct", row.getString("subproduct"));
        put(item, "requestType", row.getString("request_type"));
        put(item, "dealValue", row.getBigDecimal("deal_value"));
        put(item, "mediaType", row.getString("media_type"));
        put(item, "priority", (Integer) row.getObject("requested_priority", Integer.class));
        put(item, "dueAt", instant(row.getTimestamp("requested_due_at")));
        put(item, "activationAt", instant(row.getTimestamp("activation_at")));
        String preferred = row.getString("preferred_agent");
        if (preferred != null && rostered.contains(preferred)) {
            item.put("preferredAgent", preferred);
        }
        String attributes = row.getString("attributes");
        if (attributes != null && !attributes.isBlank()) {
            try {
                item.put("attributes", json.readValue(attributes, new TypeReference<Map<String, Object>>() {
                }));
            }
            catch (java.io.IOException e) {
                throw new IllegalStateException("work item " + row.getString("id") + " has unreadable attributes", e);
            }
        }
        return item;
    }

    private static void put(Map<String, Object> item, String key, Object value) {
        if (value != null) {
            item.put(key, value instanceof Instant instant ? instant.toString() : value);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private Handling handling(MapSqlParameterSource period) {
        Map<String, Double> byItem = new HashMap<>();
        Map<String, List<Double>> byDepartment = new LinkedHashMap<>();
        List<Double> answers = new ArrayList<>();
        int[] manualOffers = new int[2];
        Map<String, Instant> takenAt = new HashMap<>();
        Map<String, Instant> offeredAt = new HashMap<>();
        jdbc.query(HANDLING, period, row -> {
            String item = row.getString("work_item_id");
            Instant at = row.getTimestamp("occurred_at").toInstant();
            String state = row.getString("state");
            switch (row.getString("type")) {
                case "OFFERED" -> {
                    if ("IN_PROGRESS".equals(state)) {
                        takenAt.put(item, at);
                    }
                    else {
                        manualOffers[0]++;
                        offeredAt.put(item, at);
                    }
                }
                case "ACCEPTED" -> {
                    takenAt.put(item, at);
                    Instant offered = offeredAt.remove(item);
                    if (offered != null) {
                        answers.add(seconds(offered, at));
                    }
                }
                case "RONA" -> {
                    manualOffers[1]++;
                    offeredAt.remove(item);
                }
                case "TRANSFERRED", "REASSIGNED" -> {
                    if ("IN_PROGRESS".equals(state)) {
                        takenAt.put(item, at);
                    }
                    else {
                        takenAt.remove(item);
                    }
                }
                case "DONE" -> {
                    Instant taken = takenAt.remove(item);
                    if (taken != null && !byItem.containsKey(item)) {
                        double seconds = seconds(taken, at);
                        byItem.put(item, seconds);
                        byDepartment.computeIfAbsent(String.valueOf(row.getString("department")),
                                department -> new ArrayList<>()).add(seconds);
                    }
                }
                default -> takenAt.remove(item); // parked, held, returned, timed out, canceled: the span ends
            }
        });
        return new Handling(byItem, byDepartment, manualOffers[0], manualOffers[1], answers);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    /** A log-normal per department from its handle times, and one from all of them for the other departments. */
    private static List<Scenario.HandleTime> handleTimes(Handling handling) {
        List<Scenario.HandleTime> handleTimes = new ArrayList<>();
        handling.secondsByDepartment().forEach((department, seconds) -> handleTimes.add(new Scenario.HandleTime(
                department, null, Distribution.fittedTo(seconds.stream().mapToDouble(Double::doubleValue).toArray()))));
        Distribution all = Distribution.fittedTo(handling.secondsByDepartment().values().stream()
            .flatMap(List::stream).mapToDouble(Double::doubleValue).toArray());
        if (all != null) {
            handleTimes.add(new Scenario.HandleTime(null, null, all));
        }
        return handleTimes;
    }

    private static Scenario.Answering answering(Handling handling) {
        Double mean = handling.answerSeconds().isEmpty() ? null
                : handling.answerSeconds().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        Double missRate = handling.offers() == 0 ? null : (double) handling.missed() / handling.offers();
        return new Scenario.Answering(mean, missRate, null);
    }

    /**
     * The agents who worked in the period, as the presence history shows them: from their first moment logged in to
     * their last logout, NOT_READY (and logged-out gaps) as breaks. RONA periods are left out: the simulation's own
     * offers decide those.
     */
    private List<RosterAgent> roster(Instant from, Instant to, MapSqlParameterSource period) {
        record Change(Instant at, String state, String reason) {
        }
        Map<String, List<Change>> changes = new LinkedHashMap<>();
        jdbc.query(PRESENCE, period, row -> {
            Instant at = row.getTimestamp("changed_at").toInstant();
            changes.computeIfAbsent(row.getString("agent_id"), id -> new ArrayList<>())
                .add(new Change(at.isBefore(from) ? from : at, row.getString("to_state"), row.getString("to_reason")));
        });
        List<RosterAgent> roster = new ArrayList<>();
        changes.forEach((agentId, timeline) -> {
            List<RosterAgent.Break> breaks = new ArrayList<>();
            Instant shiftStart = null;
            Instant shiftEnd = null;
            for (int i = 0; i < timeline.size(); i++) {
                Change change = timeline.get(i);
                Instant until = i + 1 < timeline.size() ? timeline.get(i + 1).at() : to;
                boolean loggedIn = !"LOGGED_OUT".equals(change.state());
                if (loggedIn && shiftStart == null) {
                    shiftStart = change.at();
                }
                if (shiftStart == null || !until.isAfter(change.at())) {
                    continue;
                }
                shiftEnd = loggedIn ? null : change.at();
                boolean away = "NOT_READY".equals(change.state()) && !Agents.NO_ANSWER.equals(change.reason())
                        || !loggedIn && until.isBefore(to);
                if (away) {
                    breaks.add(new RosterAgent.Break(loggedIn ? change.reason() : "Logged out",
                            Duration.between(from, change.at()), Duration.between(change.at(), until)));
                }
            }
            if (shiftStart == null || !agents.exists(agentId)) {
                return;
            }
            AgentView profile = agents.view(agentId);
            roster.add(new RosterAgent(agentId, 1, profile.skills(), List.copyOf(profile.groups()), profile.capacity(),
                    profile.answerMode(), Duration.between(from, shiftStart),
                    shiftEnd == null ? null : Duration.between(from, shiftEnd), breaks, null));
        });
        return roster;
    }
}
