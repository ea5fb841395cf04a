package io.worklane.insights;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Task Detail (each item captured in the range as its customer saw it) and Task Work Detail (each agent's part in
 * those items), read from the items and their event logs: at most {@value #MAX_ITEMS} items, oldest first.
 */
@Service
@Transactional(readOnly = true)
class TaskReports {

    static final int MAX_ITEMS = 5000;

    record ColumnView(String key, String label, String unit) {
    }

    static final List<ColumnView> DETAIL_COLUMNS = List.of(new ColumnView("itemId", "Item", "text"),
            new ColumnView("externalId", "External id", "text"), new ColumnView("sourceSystem", "Source system", "text"),
            new ColumnView("department", "Department", "text"), new ColumnView("process", "Process", "text"),
            new ColumnView("segment", "Customer segment", "text"), new ColumnView("state", "State", "text"),
            new ColumnView("capturedAt", "Captured", "instant"), new ColumnView("firstQueuedAt", "First queued", "instant"),
            new ColumnView("firstTakenAt", "First taken", "instant"), new ColumnView("completedAt", "Completed", "instant"),
            new ColumnView("dueAt", "Due", "instant"), new ColumnView("finishSeconds", "Time to finish", "seconds"),
            new ColumnView("withinSla", "Within SLA", "text"), new ColumnView("offers", "Offers", "count"),
            new ColumnView("agents", "Agents", "count"), new ColumnView("rona", "RONA", "count"),
            new ColumnView("priority", "Priority", "priority"));

    static final List<ColumnView> WORK_COLUMNS = List.of(new ColumnView("itemId", "Item", "text"),
            new ColumnView("externalId", "External id", "text"), new ColumnView("department", "Department", "text"),
            new ColumnView("process", "Process", "text"), new ColumnView("agent", "Agent", "text"),
            new ColumnView("offeredAt", "Offered", "instant"), new ColumnView("takenAt", "Taken", "instant"),
            new ColumnView("endedAt", "Ended", "instant"), new ColumnView("outcome", "Outcome", "text"),
            new ColumnView("waitSeconds", "Wait before the offer", "seconds"),
            new ColumnView("workSeconds", "Time with the agent", "seconds"));

    /** The columns of a task report (Task Detail or Task Work Detail). */
    static List<ColumnView> columnsOf(Report report) {
        return report == Report.TASK_DETAIL ? DETAIL_COLUMNS : WORK_COLUMNS;
    }

    /**
     * The items, oldest first, by work_item_captured_idx (V11). Their events are read by item id afterwards
     * (work_item_event_item_idx): joined here, a misjudged join size made PostgreSQL hash the whole event log.
     */
    private static final String ITEMS = """
            SELECT w.id, w.external_id, w.source_system, w.department, w.process, w.customer_segment, w.state,
                   w.captured_at, w.completed_at, w.due_at, w.priority
              FROM work_item w WHERE w.captured_at >= :from AND w.captured_at < :to %s
             ORDER BY w.captured_at, w.id LIMIT :limit""";

    private static final int ITEMS_PER_READ = 500;

    /** Events that end an agent's part in an item. */
    private static final List<String> ENDING = List.of("DECLINED", "RONA", "DONE", "PARKED", "TRANSFERRED",
            "RETURNED_TO_QUEUE", "HELD", "CANCELED", "COMPLETED", "REASSIGNED", "RECLASSIFIED");

    private final NamedParameterJdbcTemplate jdbc;
    private final FactSource source;

    TaskReports(NamedParameterJdbcTemplate jdbc, FactSource source) {
        this.jdbc = jdbc;
        this.source = source;
    }

    List<Map<String, Object>> detail(ReportQuery query) {
        List<Map<String, Object>> items = items(query);
        Map<String, List<LoggedEvent>> timelines = timelinesOf(items);
        for (Map<String, Object> item : items) {
            summarize(item, timelines.getOrDefault((String) item.get("itemId"), List.of()));
        }
        return items;
    }

    private List<Map<String, Object>> items(ReportQuery query) {
        return jdbc.query(ITEMS.formatted(where(query)), parameters(query), (row, i) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("itemId", row.getString(1));
            item.put("externalId", row.getString(2));
            item.put("sourceSystem", row.getString(3));
            item.put("department", row.getString(4));
            item.put("process", row.getString(5));
            item.put("segment", row.getString(6));
            item.put("state", row.getString(7));
            Instant captured = instant(row.getTimestamp(8));
            Instant completed = instant(row.getTimestamp(9));
            Instant due = instant(row.getTimestamp(10));
            item.put("capturedAt", captured);
            item.put("firstQueuedAt", null);
            item.put("firstTakenAt", null);
            item.put("completedAt", completed);
            item.put("dueAt", due);
            item.put("finishSeconds", completed == null ? null : Duration.between(captured, completed).toSeconds());
            item.put("withinSla", completed == null ? null : due == null || !completed.isAfter(due) ? "yes" : "no");
            item.put("offers", 0L);
            item.put("agents", 0L);
            item.put("rona", 0L);
            item.put("priority", row.getObject(11, Integer.class));
            return item;
        });
    }

    /** Each item's events in order, read by item id in parts. */
    private Map<String, List<LoggedEvent>> timelinesOf(List<Map<String, Object>> items) {
        List<String> ids = items.stream().map(item -> (String) item.get("itemId")).toList();
        Map<String, List<LoggedEvent>> timelines = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += ITEMS_PER_READ) {
            source.timelines(ids.subList(from, Math.min(ids.size(), from + ITEMS_PER_READ)), Long.MAX_VALUE)
                .forEach(event -> timelines.computeIfAbsent(event.itemId(), id -> new ArrayList<>()).add(event));
        }
        return timelines;
    }

    /** First queued and first taken, offers, the agents offered it and RONAs: from the item's events. */
    private static void summarize(Map<String, Object> item, List<LoggedEvent> timeline) {
        Instant firstQueued = null;
        Instant firstTaken = null;
        long offers = 0;
        long rona = 0;
        Set<String> agents = new HashSet<>();
        for (LoggedEvent event : timeline) {
            if ("QUEUED".equals(event.type())) {
                firstQueued = earlier(firstQueued, event.at());
            }
            if ("ACCEPTED".equals(event.type()) || "OFFERED".equals(event.type()) && "IN_PROGRESS".equals(event.state())) {
                firstTaken = earlier(firstTaken, event.at());
            }
            if ("OFFERED".equals(event.type())) {
                offers++;
                if (event.agentId() != null) {
                    agents.add(event.agentId());
                }
            }
            if ("RONA".equals(event.type())) {
                rona++;
            }
        }
        item.put("firstQueuedAt", firstQueued);
        item.put("firstTakenAt", firstTaken);
        item.put("offers", offers);
        item.put("agents", (long) agents.size());
        item.put("rona", rona);
    }

    /** Whether the range holds more items than the task reports show. */
    boolean truncated(ReportQuery query) {
        Integer more = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM work_item w WHERE w.captured_at >= :from "
                + "AND w.captured_at < :to" + where(query) + " LIMIT :limit) items",
                parameters(query).addValue("limit", MAX_ITEMS + 1), Integer.class);
        return more != null && more > MAX_ITEMS;
    }

    List<Map<String, Object>> workDetail(ReportQuery query) {
        List<Map<String, Object>> items = items(query);
        Map<String, List<LoggedEvent>> timelines = timelinesOf(items);
        List<Map<String, Object>> parts = new ArrayList<>();
        for (Map<String, Object> item : items) {
            parts.addAll(partsOf(item, timelines.getOrDefault((String) item.get("itemId"), List.of()), query));
        }
        return parts;
    }

    /** From each offer to the event that ends the agent's part (or still open). */
    private static List<Map<String, Object>> partsOf(Map<String, Object> item, List<LoggedEvent> timeline,
            ReportQuery query) {
        List<Map<String, Object>> parts = new ArrayList<>();
        Instant queuedAt = null;
        Map<String, Object> open = null;
        for (LoggedEvent event : timeline) {
            if (open != null && ENDING.contains(event.type())) {
                close(open, event.at(), event.type());
                open = null;
            }
            boolean handedOver = ("TRANSFERRED".equals(event.type()) || "REASSIGNED".equals(event.type()))
                    && event.agentId() != null && ("OFFERED".equals(event.state()) || "IN_PROGRESS".equals(event.state()));
            if ("QUEUED".equals(event.type())) {
                queuedAt = event.at();
            }
            else if ("OFFERED".equals(event.type()) || "PULLED".equals(event.type()) || handedOver) {
                open = new LinkedHashMap<>();
                open.put("itemId", item.get("itemId"));
                open.put("externalId", item.get("externalId"));
                open.put("department", event.dims().department());
                open.put("process", event.dims().process());
                open.put("agent", event.agentId());
                open.put("offeredAt", event.at());
                open.put("takenAt", "IN_PROGRESS".equals(event.state()) ? event.at() : null);
                open.put("endedAt", null);
                open.put("outcome", "open");
                open.put("waitSeconds", queuedAt == null || !"OFFERED".equals(event.type()) ? null
                        : Duration.between(queuedAt, event.at()).toSeconds());
                open.put("workSeconds", null);
                if (visible(query, event)) {
                    parts.add(open);
                }
            }
            else if ("ACCEPTED".equals(event.type()) && open != null) {
                open.put("takenAt", event.at());
            }
        }
        return parts;
    }

    /**
     * A department supervisor sees the parts played in their departments (an item moved from another department
     * keeps its earlier parts there), and with an agent filter only an agent they supervise.
     */
    private static boolean visible(ReportQuery query, LoggedEvent event) {
        String agent = query.filters().get(Dimension.AGENT);
        if (agent != null && !agent.equals(event.agentId())) {
            return false;
        }
        if (agent != null && query.agents() != null && !query.agents().contains(agent)) {
            return false;
        }
        return query.departments() == null
                || query.departments().contains(event.dims().department().toLowerCase(java.util.Locale.ROOT));
    }

    private static void close(Map<String, Object> part, Instant at, String outcome) {
        part.put("endedAt", at);
        part.put("outcome", outcome);
        Instant taken = (Instant) part.get("takenAt");
        part.put("workSeconds", taken == null ? null : Duration.between(taken, at).toSeconds());
    }

    private static String where(ReportQuery query) {
        StringBuilder where = new StringBuilder();
        query.filters().forEach((dim, value) -> {
            if (dim == Dimension.AGENT) {
                where.append(" AND EXISTS (SELECT 1 FROM work_item_event a WHERE a.work_item_id = w.id AND a.agent_id = :agent)");
            }
            else {
                where.append(" AND w.").append(dim.column()).append(" = :").append(dim.key());
            }
        });
        if (query.departments() != null) {
            where.append(query.departments().isEmpty() ? " AND 1 = 0" : " AND LOWER(w.department) IN (:departments)");
        }
        return where.toString();
    }

    private static MapSqlParameterSource parameters(ReportQuery query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("from", Timestamp.from(query.from()))
            .addValue("to", Timestamp.from(query.to()))
            .addValue("limit", MAX_ITEMS)
            .addValue("departments", query.departments());
        query.filters().forEach((dim, value) -> parameters.addValue(dim.key(), value));
        return parameters;
    }

    private static Instant earlier(Instant first, Instant at) {
        return first == null || at.isBefore(first) ? at : first;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
