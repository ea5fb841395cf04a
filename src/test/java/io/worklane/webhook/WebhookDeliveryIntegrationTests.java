package io.worklane.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/**
 * Webhooks to a real HTTP receiver: every change of a source system's items arrives, in order per item, signed as
 * the Standard Webhooks specification says, also when the receiver was down until a message had failed three times
 * (the tests retry after 0.5, 1, 2, 4, 4... s).
 */
class WebhookDeliveryIntegrationTests extends PostgresIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Receiver receiver = new Receiver();

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    @Test
    void everyChangeArrivesInOrderPerItemAndSignedAfterTheReceiverWasDown() throws Exception {
        receiver.up();
        ApiClient crm = sourceSystem("crm-hooks");
        JsonNode subscribed = crm.post("/api/source-systems/crm-hooks/webhooks", Map.of("url", receiver.url())).body();
        String secret = subscribed.path("secret").asText();
        assertThat(secret).startsWith("whsec_");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(capture(crm, "HOOK-" + i));
        }
        awaitQueued(items);

        receiver.down();
        for (String id : items) {
            assertThat(crm.post("/api/work-items/" + id + "/hold", null).status()).isEqualTo(200);
        }
        items.add(capture(crm, "HOOK-DOWN"));
        assertThat(crm.post("/api/work-items/" + items.get(0) + "/cancel", null).status()).isEqualTo(200);
        assertThat(crm.post("/api/work-items/" + items.get(1) + "/complete", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "QUEUED".equals(stateOf(items.get(3))));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).alias("tried again and again while down")
            .until(() -> count("SELECT COUNT(*) FROM webhook_outbox WHERE attempts > 2 AND state = 'PENDING'") > 0);
        assertThat(count("SELECT COUNT(*) FROM webhook_outbox WHERE state = 'DEAD'")).isZero();

        receiver.up();
        Instant backAt = Instant.now();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
            .until(() -> count("SELECT COUNT(*) FROM webhook_outbox WHERE state <> 'DELIVERED'") == 0);

        List<Receiver.Received> accepted = receiver.accepted();
        Map<String, List<Long>> logged = loggedSequences(items);
        Map<String, List<Long>> arrived = new LinkedHashMap<>();
        Map<String, String> bodies = new LinkedHashMap<>();
        for (Receiver.Received message : accepted) {
            assertThat(message.signature()).isEqualTo(Receiver.specificationSignature(secret, message));
            new Webhook(secret).verify(message.body(), Map.of("webhook-id", List.of(message.webhookId()),
                    "webhook-timestamp", List.of(message.timestamp()), "webhook-signature", List.of(message.signature())));
            JsonNode payload = JSON.readTree(message.body());
            assertThat(message.webhookId()).isEqualTo("msg_" + payload.path("data").path("event").path("sequence").asLong());
            String previous = bodies.put(message.webhookId(), message.body());
            assertThat(previous).as("a message sent twice is the same message").isIn(null, message.body());
            if (previous == null) {
                arrived.computeIfAbsent(payload.path("data").path("workItemId").asText(), item -> new ArrayList<>())
                    .add(payload.path("data").path("event").path("sequence").asLong());
            }
        }
        assertThat(arrived).as("every change, in order per item").isEqualTo(logged);
        Instant lastArrival = accepted.get(accepted.size() - 1).at();
        long delayMs = Duration.between(backAt, lastArrival).toMillis();
        System.out.printf("webhooks: %d messages, %d failed attempts while down, last one %d ms after the receiver "
                + "came back%n", bodies.size(), count("SELECT SUM(attempts) - COUNT(*) FROM webhook_outbox"), delayMs);
        assertThat(lastArrival).isAfter(backAt);
        JsonNode canceled = accepted.stream().map(message -> readTree(message.body()))
            .filter(payload -> payload.path("type").asText().equals("workitem.canceled")).findFirst().orElseThrow();
        assertThat(canceled.path("data").path("externalId").asText()).isEqualTo("HOOK-0");
        assertThat(canceled.path("data").path("state").asText()).isEqualTo("CANCELED");
        assertThat(canceled.path("data").path("event").path("actor").path("type").asText()).isEqualTo("SOURCE_SYSTEM");
    }

    private String capture(ApiClient source, String externalId) {
        var captured = source.post("/api/work-items", Map.of("externalId", externalId, "requestType", "Lead",
                "customerSegment", "Gold"));
        assertThat(captured.status()).isEqualTo(201);
        return captured.text("id");
    }

    private void awaitQueued(List<String> items) {
        await().atMost(Duration.ofSeconds(30)).until(() -> items.stream().allMatch(id -> "QUEUED".equals(stateOf(id))));
    }

    /** The logged events a default subscription is sent, per item, in the log's order. */
    private Map<String, List<Long>> loggedSequences(List<String> items) {
        Map<String, List<Long>> logged = new LinkedHashMap<>();
        List<String> types = WebhookTypes.defaults().stream().map(Enum::name).toList();
        for (String id : items) {
            logged.put(id, jdbc.queryForList("SELECT id FROM work_item_event WHERE work_item_id = ? ORDER BY id",
                    Long.class, id).stream()
                .filter(sequence -> types.contains(jdbc.queryForObject("SELECT type FROM work_item_event WHERE id = ?",
                        String.class, sequence)))
                .collect(Collectors.toList()));
        }
        return logged;
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
