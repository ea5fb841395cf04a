package io.worklane.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.worklane.security.Caller;
import io.worklane.security.Supervision;
import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemEventType;

/**
 * The outbox as people see it: the dead-letter list of a supervisor's departments (every department's for
 * all-department supervisors and administrators), sending a dead letter again, and a subscription's recent messages.
 */
@Service
class Deliveries {

    private static final String SELECT = """
            SELECT o.id, o.event_id, e.type, o.work_item_id, w.external_id, w.source_system, w.department,
                   o.subscription_id, s.url, o.state, o.attempts, o.last_status, o.last_error, o.created_at,
                   o.last_attempt_at, o.next_attempt_at, o.delivered_at, o.dead_at,
                   (SELECT COUNT(*) FROM webhook_outbox later
                     WHERE later.subscription_id = o.subscription_id AND later.work_item_id = o.work_item_id
                       AND later.id > o.id AND later.state = 'PENDING') AS waiting_behind
              FROM webhook_outbox o
              JOIN webhook_subscription s ON s.id = o.subscription_id
              JOIN work_item_event e ON e.id = o.event_id
              JOIN work_item w ON w.id = o.work_item_id
            """;

    private final NamedParameterJdbcTemplate named;
    private final Outbox outbox;
    private final Supervision supervision;

    Deliveries(NamedParameterJdbcTemplate named, Outbox outbox, Supervision supervision) {
        this.named = named;
        this.outbox = outbox;
        this.supervision = supervision;
    }

    /** The dead letters of the items the caller supervises, newest first (at most 500). */
    @Transactional(readOnly = true)
    List<Delivery> deadLetters(Caller caller, String sourceSystem) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("sourceSystem", sourceSystem);
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE o.state = 'DEAD'");
        if (sourceSystem != null) {
            sql.append(" AND w.source_system = :sourceSystem");
        }
        Set<String> departments = supervision.departmentsOf(caller);
        if (departments != null) {
            if (departments.isEmpty()) {
                return List.of();
            }
            sql.append(" AND LOWER(w.department) IN (:departments)");
            parameters.addValue("departments",
                    departments.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
        }
        sql.append(" ORDER BY o.dead_at DESC, o.id DESC LIMIT 500");
        return named.query(sql.toString(), parameters, (row, i) -> delivery(row));
    }

    /** Sends a dead letter again; someone who does not supervise its item learns nothing of it. */
    @Transactional
    Delivery resend(Caller caller, long id) {
        Delivery letter = find(id).filter(found -> supervision.coversDepartment(caller, found.item().department()))
            .orElseThrow(() -> Problems.notFound("dead-letter", Long.toString(id)));
        String state = letter.progress().state();
        if (!"DEAD".equals(state) || !outbox.resend(id)) {
            throw Problems.exception(HttpStatus.CONFLICT, "not-a-dead-letter", "Not a dead letter",
                    "Message " + letter.webhookId() + " is " + state + ", not a dead letter: only those are sent again.",
                    java.util.Map.of("state", state));
        }
        return find(id).orElseThrow();
    }

    /** A subscription's most recent messages, in one state or all. */
    @Transactional(readOnly = true)
    List<Delivery> recent(String subscriptionId, String state, int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("subscription", subscriptionId)
            .addValue("state", state)
            .addValue("limit", limit);
        return named.query(SELECT + " WHERE o.subscription_id = :subscription"
                + (state == null ? "" : " AND o.state = :state") + " ORDER BY o.id DESC LIMIT :limit", parameters,
                (row, i) -> delivery(row));
    }

    private java.util.Optional<Delivery> find(long id) {
        return named.query(SELECT + " WHERE o.id = :id", new MapSqlParameterSource("id", id), (row, i) -> delivery(row))
            .stream().findFirst();
    }

    private static Delivery delivery(ResultSet row) throws SQLException {
        Delivery.Item item = new Delivery.Item(row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                row.getString(8), row.getString(9));
        Delivery.Progress progress = new Delivery.Progress(row.getString(10), row.getInt(11),
                (Integer) row.getObject(12), row.getString(13), instant(row.getTimestamp(14)),
                instant(row.getTimestamp(15)),
                // a delivered or dead message is due no more (its column keeps the last lease's end)
                "PENDING".equals(row.getString(10)) ? instant(row.getTimestamp(16)) : null, instant(row.getTimestamp(17)),
                instant(row.getTimestamp(18)), row.getLong(19));
        return new Delivery(row.getLong(1), "msg_" + row.getLong(2),
                WebhookTypes.wireName(WorkItemEventType.valueOf(row.getString(3))), item, progress);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
