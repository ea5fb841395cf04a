package io.worklane.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.worklane.workitem.WorkItemEventType;

/**
 * Renders the messages to send from the logged events, which never change: every attempt of a message carries the
 * same {@code webhook-id} ({@code msg_<event sequence>}) and the same bytes.
 */
@Component
class WebhookMessages {

    /** What one attempt sends, and where. */
    record Message(long outboxId, String webhookId, String url, String secret, String payload) {
    }

    private static final String READ = """
            SELECT o.id, o.event_id, s.url, s.secret, e.type, e.state, e.actor_type, e.actor_id, e.agent_id,
                   e.occurred_at, e.details, e.priority, e.due_at, e.department, e.process, w.external_id,
                   w.source_system, e.work_item_id
              FROM webhook_outbox o
              JOIN webhook_subscription s ON s.id = o.subscription_id
              JOIN work_item_event e ON e.id = o.event_id
              JOIN work_item w ON w.id = o.work_item_id
             WHERE o.id IN (:ids)""";

    private final NamedParameterJdbcTemplate named;
    private final ObjectMapper json;

    WebhookMessages(NamedParameterJdbcTemplate named, ObjectMapper json) {
        this.named = named;
        this.json = json;
    }

    List<Message> render(List<Long> outboxIds) {
        if (outboxIds.isEmpty()) {
            return List.of();
        }
        return named.query(READ, new MapSqlParameterSource("ids", outboxIds), (row, i) -> new Message(row.getLong(1),
                "msg_" + row.getLong(2), row.getString(3), row.getString(4), payload(row)));
    }

    private String payload(ResultSet row) throws SQLException {
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("type", row.getString(7));
        actor.put("id", row.getString(8));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("sequence", row.getLong(2));
        event.put("type", row.getString(5));
        event.put("actor", actor);
        event.put("occurredAt", instant(row.getTimestamp(10)));
        event.put("details", details(row.getString(11)));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("workItemId", row.getString(18));
        data.put("externalId", row.getString(16));
        data.put("sourceSystem", row.getString(17));
        data.put("state", row.getString(6));
        data.put("agent", row.getString(9));
        data.put("priority", row.getObject(12));
        data.put("dueAt", instant(row.getTimestamp(13)));
        data.put("department", row.getString(14));
        data.put("process", row.getString(15));
        data.put("event", event);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", WebhookTypes.wireName(WorkItemEventType.valueOf(row.getString(5))));
        payload.put("timestamp", instant(row.getTimestamp(10)));
        payload.put("data", data);
        try {
            return json.writeValueAsString(payload);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render webhook message of event " + row.getLong(2), e);
        }
    }

    private Map<String, Object> details(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        }
        catch (JsonProcessingException e) {
            return Map.of("unreadable", true);
        }
    }

    private static String instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().toString();
    }
}
