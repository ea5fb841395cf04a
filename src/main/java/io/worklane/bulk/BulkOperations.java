package io.worklane.bulk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.worklane.queue.QueueSelection;
import io.worklane.security.Caller;
import io.worklane.security.Supervision;
import io.worklane.web.Problems;

/** Starts actions on whole queue filters and reports their progress; {@link BulkWorker} carries them out. */
@Service
class BulkOperations {

    /** More than this is no bulk action but a migration: narrow the filter. */
    static final int MAX_ITEMS = 100_000;
    private static final int SHOWN_FAILURES = 100;
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    /**
     * @param query the queue page's parameters (texts; state a list)
     * @param expectedCount the count the preview showed: when the filter holds another number now, nothing runs
     */
    record Request(BulkAction action, Map<String, Object> query, Integer priority, Instant until,
            Long expectedCount) {
    }

    record Failure(String workItemId, String reason) {
    }

    /** @param failures the first 100 items it could not change, with why */
    record Progress(String id, BulkAction action, Map<String, Object> filter, Map<String, Object> parameters,
            String requestedBy, Instant requestedAt, int total, int done, int failed, int pending, Instant finishedAt,
            List<Failure> failures) {
    }

    private final JdbcTemplate jdbc;
    private final QueueSelection selection;
    private final Supervision supervision;
    private final ObjectMapper json;
    private final Clock clock;

    BulkOperations(JdbcTemplate jdbc, QueueSelection selection, Supervision supervision, ObjectMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.selection = selection;
        this.supervision = supervision;
        this.json = json;
        this.clock = clock;
    }

    long preview(Map<String, Object> query, Caller caller) {
        requireSupervisor(caller);
        return selection.count(query, caller);
    }

    @Transactional
    String start(Request request, Caller caller) {
        requireSupervisor(caller);
        if (request.action() == null) {
            throw Problems.invalid("'action' is one of " + List.of(BulkAction.values()) + ".");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (request.action() == BulkAction.SET_PRIORITY) {
            if (request.priority() == null) {
                throw Problems.invalid("SET_PRIORITY needs 'priority' (and may end it at 'until').");
            }
            parameters.put("priority", request.priority());
            if (request.until() != null) {
                parameters.put("until", request.until().toString());
            }
        }
        if (request.expectedCount() == null) {
            throw Problems.invalid("'expectedCount' is required: the count the preview showed, so that nothing runs "
                    + "on a filter that holds other items than you saw.");
        }
        List<String> unfinished = jdbc.queryForList("SELECT id FROM bulk_operation WHERE requested_by = ? "
                + "AND finished_at IS NULL", String.class, caller.userId());
        if (!unfinished.isEmpty()) {
            throw Problems.exception(HttpStatus.CONFLICT, "bulk-operation-running", "A bulk operation is running",
                    "Your bulk operation " + unfinished.get(0) + " is still running; start the next when it is done.",
                    Map.of("running", unfinished.get(0)));
        }
        QueueSelection.Selection items = selection.select(request.query(), caller, MAX_ITEMS);
        if (items.total() > MAX_ITEMS) {
            throw Problems.invalid("The filter holds " + items.total() + " items; a bulk action takes at most "
                    + MAX_ITEMS + ". Narrow the filter.");
        }
        if (request.expectedCount() != items.total()) {
            throw Problems.exception(HttpStatus.CONFLICT, "filter-changed", "The filter changed",
                    "The filter holds " + items.total() + " items now, not " + request.expectedCount()
                            + " as previewed; look again before you run it.",
                    Map.of("count", items.total()));
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.update("INSERT INTO bulk_operation (id, action, parameters, filter, requested_by, requested_at, total, "
                + "finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, request.action().name(), write(parameters),
                write(request.query() == null ? Map.of() : request.query()), caller.userId(), Timestamp.from(now),
                items.ids().size(), items.ids().isEmpty() ? Timestamp.from(now) : null);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < items.ids().size(); i++) {
            rows.add(new Object[] { id, items.ids().get(i), i + 1, "PENDING" });
        }
        jdbc.batchUpdate("INSERT INTO bulk_operation_item (operation_id, work_item_id, position, status) "
                + "VALUES (?, ?, ?, ?)", rows);
        return id;
    }

    /** Its requester's, or any for a supervisor of every department; else 404. */
    @Transactional(readOnly = true)
    Progress progress(String id, Caller caller) {
        requireSupervisor(caller);
        List<Progress> found = jdbc.query("SELECT * FROM bulk_operation WHERE id = ?", (row, n) -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            jdbc.query("SELECT status, COUNT(*) AS n FROM bulk_operation_item WHERE operation_id = ? GROUP BY status",
                    counted -> {
                        counts.put(counted.getString("status"), counted.getInt("n"));
                    }, id);
            List<Failure> failures = jdbc.query("SELECT work_item_id, reason FROM bulk_operation_item "
                    + "WHERE operation_id = ? AND status = 'FAILED' ORDER BY position LIMIT " + SHOWN_FAILURES,
                    (failed, m) -> new Failure(failed.getString("work_item_id"), failed.getString("reason")), id);
            Timestamp finished = row.getTimestamp("finished_at");
            return new Progress(id, BulkAction.valueOf(row.getString("action")), read(row.getString("filter")),
                    read(row.getString("parameters")), row.getString("requested_by"),
                    row.getTimestamp("requested_at").toInstant(), row.getInt("total"), counts.getOrDefault("DONE", 0),
                    counts.getOrDefault("FAILED", 0), counts.getOrDefault("PENDING", 0),
                    finished == null ? null : finished.toInstant(), failures);
        }, id);
        return found.stream()
            .filter(progress -> progress.requestedBy().equals(caller.userId())
                    || supervision.departmentsOf(caller) == null)
            .findFirst()
            .orElseThrow(() -> Problems.notFound("bulk-operation", id));
    }

    private static void requireSupervisor(Caller caller) {
        if (!caller.isSupervisor()) {
            throw Problems.forbidden("Bulk actions are for supervisors.");
        }
    }

    private String write(Map<String, Object> map) {
        try {
            return json.writeValueAsString(map);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, MAP);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("stored bulk operation is not JSON", e);
        }
    }
}
