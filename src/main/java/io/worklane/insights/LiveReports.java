package io.worklane.insights;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.worklane.agent.Slots;

/**
 * The wallboard's figures, as they are now: Queue Activity (per department and process) from the queue projection,
 * the last 15 minutes' events and today's facts; Agent Activity (per agent) from the agents' rows (read-only here;
 * the agent module owns them), today's facts and the state they are in now.
 */
@Service
@Transactional(readOnly = true)
class LiveReports {

    private static final String OPEN_STATES = "('CAPTURED', 'SCHEDULED', 'QUEUED', 'OFFERED', 'IN_PROGRESS', 'PARKED', "
            + "'HELD', 'AWAITING_CONFIRMATION')";

    /** The counts of a queue row, zero where nothing happened. */
    private static final List<String> QUEUE_COUNTS = List.of("queuedNow", "overdueNow", "arrivalsLast15Minutes",
            "completionsLast15Minutes", "arrivalsToday", "completionsToday");

    private static final String QUEUE_NOW = """
            SELECT COALESCE(department, ''), COALESCE(process, ''),
                   SUM(CASE WHEN state = 'QUEUED' THEN 1 ELSE 0 END),
                   MIN(CASE WHEN state = 'QUEUED' THEN queued_at END),
                   SUM(CASE WHEN due_at < :now THEN 1 ELSE 0 END),
                   MIN(CASE WHEN state = 'QUEUED' THEN priority END),
                   MAX(CASE WHEN state = 'QUEUED' THEN priority END)
              FROM work_item WHERE state IN %s %s
             GROUP BY COALESCE(department, ''), COALESCE(process, '')""";

    private static final String ARRIVED_SINCE = """
            SELECT COALESCE(department, ''), COALESCE(process, ''), COUNT(*) FROM work_item
             WHERE captured_at >= :since AND state <> 'REJECTED' %s
             GROUP BY COALESCE(department, ''), COALESCE(process, '')""";

    private static final String COMPLETED_SINCE = """
            SELECT COALESCE(department, ''), COALESCE(process, ''), COUNT(*) FROM work_item_event
             WHERE occurred_at >= :since AND type = 'COMPLETED' %s
             GROUP BY COALESCE(department, ''), COALESCE(process, '')""";

    private static final String TODAY = """
            SELECT department, process, SUM(new_items), SUM(completed), SUM(completed_within_sla), SUM(handle_seconds),
                   SUM(handle_count), SUM(accept_seconds), SUM(accept_count)
              FROM report_fact WHERE grain = 'D' AND period_start = :today AND agent_id = '' %s
             GROUP BY department, process""";

    private static final String AGENTS = """
            SELECT a.id, a.display_name, a.presence, a.presence_reason, a.presence_since
              FROM agent a ORDER BY a.display_name, a.id""";

    private static final String AGENTS_TODAY = """
            SELECT agent_id, SUM(offered), SUM(accepted), SUM(declined), SUM(rona), SUM(done), SUM(handle_seconds),
                   SUM(handle_count)
              FROM report_fact WHERE grain = 'D' AND period_start = :today AND agent_id <> '' GROUP BY agent_id""";

    private final NamedParameterJdbcTemplate jdbc;
    private final Slots slots;
    private final KpiTargets kpis;
    private final InsightsProperties properties;
    private final Clock clock;

    LiveReports(NamedParameterJdbcTemplate jdbc, Slots slots, KpiTargets kpis, InsightsProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.slots = slots;
        this.kpis = kpis;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param departments the caller's; null: every department */
    Map<String, Object> queue(Set<String> departments) {
        Instant now = clock.instant();
        String scope = departments == null ? "" : departments.isEmpty() ? " AND 1 = 0" : " AND LOWER(department) IN (:departments)";
        MapSqlParameterSource parameters = new MapSqlParameterSource("now", Timestamp.from(now))
            .addValue("since", Timestamp.from(now.minus(Duration.ofMinutes(15))))
            .addValue("today", Timestamp.from(Grain.DAY.periodOf(now, properties.zone())))
            .addValue("departments", departments);
        Map<List<String>, Map<String, Object>> rows = new TreeMap<>((a, b) -> String.join("\u0000", a)
            .compareTo(String.join("\u0000", b)));
        jdbc.query(QUEUE_NOW.formatted(OPEN_STATES, scope), parameters, row -> {
            Map<String, Object> queue = queueRow(rows, row.getString(1), row.getString(2));
            queue.put("queuedNow", row.getLong(3));
            Timestamp oldest = row.getTimestamp(4);
            queue.put("oldestWaitSeconds", oldest == null ? null : Duration.between(oldest.toInstant(), now).toSeconds());
            queue.put("overdueNow", row.getLong(5));
            queue.put("priorityMin", row.getObject(6, Integer.class));
            queue.put("priorityMax", row.getObject(7, Integer.class));
        });
        jdbc.query(ARRIVED_SINCE.formatted(scope), parameters,
                row -> { queueRow(rows, row.getString(1), row.getString(2)).put("arrivalsLast15Minutes", row.getLong(3)); });
        jdbc.query(COMPLETED_SINCE.formatted(scope), parameters,
                row -> { queueRow(rows, row.getString(1), row.getString(2)).put("completionsLast15Minutes", row.getLong(3)); });
        jdbc.query(TODAY.formatted(scope), parameters, row -> {
            Map<String, Object> queue = queueRow(rows, row.getString(1), row.getString(2));
            queue.put("arrivalsToday", row.getLong(3));
            queue.put("completionsToday", row.getLong(4));
            queue.put("serviceLevelToday", row.getLong(4) == 0 ? null : (double) row.getLong(5) / row.getLong(4));
            queue.put("averageHandleSecondsToday", row.getLong(7) == 0 ? null : row.getLong(6) / row.getLong(7));
            queue.put("averageAcceptSecondsToday", row.getLong(9) == 0 ? null : row.getLong(8) / row.getLong(9));
        });
        KpiTargets.Lookup targets = kpis.latest();
        Map<String, Object> totals = new LinkedHashMap<>();
        for (Map<String, Object> queue : rows.values()) {
            Map<String, Object> today = new HashMap<>();
            today.put("serviceLevel", queue.get("serviceLevelToday"));
            today.put("averageHandleSeconds", queue.get("averageHandleSecondsToday"));
            today.put("averageAcceptSeconds", queue.get("averageAcceptSecondsToday"));
            queue.put("kpis", kpis.judge(targets.targetsFor((String) queue.get("department"), (String) queue.get("process"),
                    null), today, Map.of("serviceLevel", "ratio", "averageHandleSeconds", "seconds",
                            "averageAcceptSeconds", "seconds")));
            for (String count : QUEUE_COUNTS) {
                totals.merge(count, queue.get(count), (a, b) -> ((Long) a) + ((Long) b));
            }
            totals.merge("oldestWaitSeconds", queue.get("oldestWaitSeconds") == null ? 0L : queue.get("oldestWaitSeconds"),
                    (a, b) -> Math.max((Long) a, (Long) b));
        }
        // a group with nothing now and nothing today (an item's backlog that moved on when it was classified)
        rows.values().removeIf(queue -> queue.get("oldestWaitSeconds") == null && queue.get("priorityMin") == null
                && QUEUE_COUNTS.stream().allMatch(count -> ((Long) queue.get(count)) == 0L));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("generatedAt", now);
        result.put("rows", new ArrayList<>(rows.values()));
        result.put("totals", totals);
        return result;
    }

    private static Map<String, Object> queueRow(Map<List<String>, Map<String, Object>> rows, String department,
            String process) {
        return rows.computeIfAbsent(List.of(department, process), key -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("department", department);
            row.put("process", process);
            for (String count : QUEUE_COUNTS) {
                row.put(count, 0L);
            }
            row.put("oldestWaitSeconds", null);
            row.put("serviceLevelToday", null);
            return row;
        });
    }

    List<String> agentIds() {
        return jdbc.queryForList("SELECT id FROM agent", new MapSqlParameterSource(), String.class);
    }

    /** @param visible whether the caller sees this agent */
    Map<String, Object> agents(Predicate<String> visible) {
        Instant now = clock.instant();
        Map<String, Set<String>> teamsOf = new HashMap<>();
        jdbc.query("SELECT agent_id, group_name FROM agent_group", row -> {
            teamsOf.computeIfAbsent(row.getString(1), id -> new TreeSet<>()).add(row.getString(2));
        });
        Instant today = Grain.DAY.periodOf(now, properties.zone());
        MapSqlParameterSource parameters = new MapSqlParameterSource("today", Timestamp.from(today));
        Map<String, long[]> figures = new HashMap<>();
        jdbc.query(AGENTS_TODAY, parameters, row -> {
            long[] values = new long[7];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.getLong(i + 2);
            }
            figures.put(row.getString(1), values);
        });
        Map<String, Map<String, Long>> presence = new HashMap<>();
        jdbc.query("SELECT agent_id, state, reason, seconds FROM report_presence WHERE grain = 'D' AND period_start = :today",
                parameters, row -> {
                    String key = "NOT_READY".equals(row.getString(2)) ? "NOT_READY:" + row.getString(3) : row.getString(2);
                    presence.computeIfAbsent(row.getString(1), a -> new HashMap<>()).merge(key, row.getLong(4), Long::sum);
                });
        // the slots taken and the capacity over all media types, as the router counts them
        Map<String, Map<String, Slots.Load>> load = slots.ofEveryone();
        List<Map<String, Object>> rows = new ArrayList<>();
        jdbc.query(AGENTS, new MapSqlParameterSource(), row -> {
            String id = row.getString(1);
            if (!visible.test(id)) {
                return;
            }
            Instant since = row.getTimestamp(5).toInstant();
            Map<String, Long> spent = new HashMap<>(presence.getOrDefault(id, Map.of()));
            // the state the agent is in now has not ended: its time today is not in the facts yet
            String state = row.getString(3);
            String reason = row.getString(4);
            long open = Duration.between(since.isAfter(today) ? since : today, now).toSeconds();
            spent.merge("NOT_READY".equals(state) ? "NOT_READY:" + (reason == null ? "" : reason) : state, open, Long::sum);
            long[] day = figures.getOrDefault(id, new long[7]);
            Map<String, Object> agent = new LinkedHashMap<>();
            agent.put("agentId", id);
            agent.put("displayName", row.getString(2));
            agent.put("teams", new TreeSet<>(teamsOf.getOrDefault(id, Set.of())));
            agent.put("state", state);
            agent.put("reason", reason);
            agent.put("since", since);
            agent.put("secondsInState", Duration.between(since, now).toSeconds());
            Map<String, Slots.Load> slotsOf = load.getOrDefault(id, Map.of());
            agent.put("load", slotsOf.values().stream().mapToLong(Slots.Load::taken).sum());
            agent.put("capacity", slotsOf.values().stream().mapToLong(Slots.Load::capacity).sum());
            agent.put("handledToday", day[4]);
            agent.put("averageHandleSeconds", day[6] == 0 ? null : day[5] / day[6]);
            agent.put("offeredToday", day[0]);
            agent.put("acceptedToday", day[1]);
            agent.put("declinedToday", day[2]);
            agent.put("ronaToday", day[3]);
            long ready = spent.getOrDefault("READY", 0L);
            Map<String, Long> notReady = new TreeMap<>();
            spent.forEach((key, seconds) -> {
                if (key.startsWith("NOT_READY:")) {
                    String why = key.substring("NOT_READY:".length());
                    notReady.merge(why.isEmpty() ? "(none)" : why, seconds, Long::sum);
                }
            });
            long loggedIn = ready + notReady.values().stream().mapToLong(Long::longValue).sum();
            agent.put("readySecondsToday", ready);
            agent.put("notReadySecondsToday", notReady);
            agent.put("occupancy", loggedIn == 0 ? null : (double) day[5] / loggedIn);
            rows.add(agent);
        });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("generatedAt", now);
        result.put("rows", rows);
        result.put("teams", teams(rows));
        return result;
    }

    /** Per team (an agent's routing group; an agent in none counts under "(no team)"): the agents' figures summed. */
    private static List<Map<String, Object>> teams(List<Map<String, Object>> agents) {
        Map<String, Map<String, Object>> teams = new TreeMap<>();
        for (Map<String, Object> agent : agents) {
            @SuppressWarnings("unchecked")
            Set<String> of = (Set<String>) agent.get("teams");
            for (String team : of.isEmpty() ? Set.of("(no team)") : of) {
                Map<String, Object> row = teams.computeIfAbsent(team, name -> {
                    Map<String, Object> fresh = new LinkedHashMap<>();
                    fresh.put("team", name);
                    for (String count : List.of("agents", "ready", "notReady", "loggedOut", "load", "capacity",
                            "handledToday", "acceptedToday", "declinedToday", "ronaToday", "handleSeconds")) {
                        fresh.put(count, 0L);
                    }
                    return fresh;
                });
                add(row, "agents", 1);
                add(row, switch ((String) agent.get("state")) {
                    case "READY" -> "ready";
                    case "NOT_READY" -> "notReady";
                    default -> "loggedOut";
                }, 1);
                for (String count : List.of("load", "capacity", "handledToday", "acceptedToday", "declinedToday",
                        "ronaToday")) {
                    add(row, count, (Long) agent.get(count));
                }
                Object average = agent.get("averageHandleSeconds");
                if (average instanceof Long seconds) {
                    add(row, "handleSeconds", seconds * (Long) agent.get("handledToday"));
                }
            }
        }
        teams.values().forEach(row -> {
            long handled = (Long) row.get("handledToday");
            row.put("averageHandleSeconds", handled == 0 ? null : (Long) row.remove("handleSeconds") / handled);
            row.remove("handleSeconds");
        });
        return new ArrayList<>(teams.values());
    }

    private static void add(Map<String, Object> row, String count, long amount) {
        row.put(count, (Long) row.get(count) + amount);
    }
}
