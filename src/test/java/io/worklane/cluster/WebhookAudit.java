package io.worklane.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.worklane.webhook.Receiver;

/**
 * Holds what a source system's receiver got against the outbox: every message arrived, each item's in the order
 * of its log, signed with the subscription's secret; a message that arrived twice is the same message (same
 * {@code webhook-id}, same bytes). Measures how long after the receiver came back the messages held while it was
 * down arrived.
 */
final class WebhookAudit {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> violations = new ArrayList<>();
    private final Map<String, Object> counts = new LinkedHashMap<>();

    WebhookAudit(JdbcTemplate jdbc, String sourceSystem, String secret, Receiver receiver, Instant backAt)
            throws Exception {
        Map<String, Instant> expected = new LinkedHashMap<>();
        Map<String, List<Long>> logged = new LinkedHashMap<>();
        jdbc.query("""
                SELECT o.event_id, o.work_item_id, e.occurred_at FROM webhook_outbox o
                  JOIN work_item_event e ON e.id = o.event_id
                 WHERE e.source_system = ? ORDER BY o.id""", row -> {
            expected.put("msg_" + row.getLong(1), row.getTimestamp(3).toInstant());
            logged.computeIfAbsent(row.getString(2), item -> new ArrayList<>()).add(row.getLong(1));
        }, sourceSystem);
        List<Receiver.Received> accepted = receiver.accepted();
        Map<String, String> bodies = new HashMap<>();
        Map<String, List<Long>> arrived = new LinkedHashMap<>();
        long duplicates = 0;
        long worstAfterBack = 0;
        long worstWhileUp = 0;
        for (Receiver.Received message : accepted) {
            if (!Receiver.specificationSignature(secret, message).equals(message.signature())) {
                violations.add(message.webhookId() + ": signature does not verify");
            }
            String first = bodies.putIfAbsent(message.webhookId(), message.body());
            if (first != null) {
                duplicates++;
                if (!first.equals(message.body())) {
                    violations.add(message.webhookId() + ": sent twice with different bodies");
                }
                continue;
            }
            Instant loggedAt = expected.get(message.webhookId());
            if (loggedAt == null) {
                violations.add(message.webhookId() + ": not in the outbox");
                continue;
            }
            JsonNode data = JSON.readTree(message.body()).path("data");
            arrived.computeIfAbsent(data.path("workItemId").asText(), item -> new ArrayList<>())
                .add(data.path("event").path("sequence").asLong());
            if (loggedAt.isBefore(backAt) && message.at().isAfter(backAt)) {
                // held by the outage: from the moment the receiver could take it again
                worstAfterBack = Math.max(worstAfterBack, Duration.between(backAt, message.at()).toMillis());
            }
            else {
                worstWhileUp = Math.max(worstWhileUp, Duration.between(loggedAt, message.at()).toMillis());
            }
        }
        expected.keySet().stream().filter(id -> !bodies.containsKey(id))
            .forEach(id -> violations.add(id + ": never arrived"));
        logged.forEach((item, sequences) -> {
            if (!sequences.equals(arrived.get(item))) {
                violations.add(item + ": arrived as " + arrived.get(item) + ", logged as " + sequences);
            }
        });
        counts.put("webhookMessages", expected.size());
        counts.put("webhookReceipts", accepted.size());
        counts.put("webhookDuplicates", duplicates);
        counts.put("webhookRefusedOrFailedAttempts", receiver.received().size() - accepted.size());
        counts.put("webhookMaxDelayAfterReceiverBackMs", worstAfterBack);
        counts.put("webhookMaxDelayWhileUpMs", worstWhileUp);
    }

    List<String> violations() {
        return violations;
    }

    Map<String, Object> counts() {
        return counts;
    }
}
