package io.worklane.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/** Who manages subscriptions, what they are sent, and the dead-letter list supervisors send again. */
class WebhookSubscriptionIntegrationTests extends PostgresIntegrationTest {

    private final Receiver receiver = new Receiver();

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    @Test
    void aSourceSystemManagesItsOwnSubscriptionsOnlyAndToAllowedHostsOnly() {
        ApiClient crm = sourceSystem("crm-own");
        ApiClient shop = sourceSystem("shop-own");
        var made = crm.post("/api/source-systems/crm-own/webhooks", Map.of("url", "http://127.0.0.1:9/hooks",
                "eventTypes", List.of("workitem.completed", "CANCELED")));
        assertThat(made.status()).isEqualTo(201);
        String id = made.body().path("subscription").path("id").asText();
        assertThat(made.body().path("subscription").path("eventTypes").findValuesAsText("")).isEmpty();
        assertThat(made.body().path("subscription").path("eventTypes").toString())
            .isEqualTo("[\"workitem.canceled\",\"workitem.completed\"]");
        JsonNode listed = crm.get("/api/source-systems/crm-own/webhooks").body();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).has("secret")).as("the secret is shown once").isFalse();

        int before = count("SELECT COUNT(*) FROM webhook_subscription");
        assertThat(shop.get("/api/source-systems/crm-own/webhooks").status()).isEqualTo(404);
        assertThat(shop.post("/api/source-systems/crm-own/webhooks", Map.of("url", "http://127.0.0.1:9/x")).status())
            .isEqualTo(404);
        assertThat(shop.delete("/api/source-systems/crm-own/webhooks/" + id).status()).isEqualTo(404);
        assertThat(shop.put("/api/source-systems/crm-own/webhooks/" + id, Map.of("url", "http://127.0.0.1:9/x"))
            .status()).isEqualTo(404);
        assertThat(shop.delete("/api/source-systems/shop-own/webhooks/" + id).status()).as("not shop's").isEqualTo(404);
        assertThat(supervisor().get("/api/source-systems/crm-own/webhooks").status()).isEqualTo(403);
        var elsewhere = crm.post("/api/source-systems/crm-own/webhooks", Map.of("url", "http://169.254.169.254/x"));
        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.body().path("type").asText()).endsWith("/webhook-host-not-allowed");
        assertThat(crm.post("/api/source-systems/crm-own/webhooks", Map.of("url", "ftp://127.0.0.1/x")).status())
            .isEqualTo(400);
        var unknownType = crm.post("/api/source-systems/crm-own/webhooks", Map.of("url", "http://127.0.0.1:9/x",
                "eventTypes", List.of("workitem.exploded")));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.body().path("field").asText()).isEqualTo("eventTypes");
        assertThat(count("SELECT COUNT(*) FROM webhook_subscription")).as("nothing changed").isEqualTo(before);
        assertThat(crm.get("/api/source-systems/crm-own/webhooks/" + id).body().path("url").asText())
            .isEqualTo("http://127.0.0.1:9/hooks");

        group("camunda-admin", "Administrators", "SYSTEM");
        ApiClient admin = member("ada-hooks", "camunda-admin");
        assertThat(admin.post("/api/source-systems/shop-own/webhooks", Map.of("url", "http://127.0.0.1:9/s")).status())
            .isEqualTo(201);
        assertThat(admin.get("/api/source-systems/sofia/webhooks").status()).as("not a source system").isEqualTo(404);
        assertThat(crm.delete("/api/source-systems/crm-own/webhooks/" + id).status()).isEqualTo(204);
        assertThat(crm.get("/api/source-systems/crm-own/webhooks").body()).isEmpty();
    }

    @Test
    void aSubscriptionIsSentTheTypesItNamesOnly() {
        receiver.up();
        ApiClient crm = sourceSystem("crm-few");
        crm.post("/api/source-systems/crm-few/webhooks", Map.of("url", receiver.url(), "eventTypes",
                List.of("workitem.canceled")));
        String id = crm.post("/api/work-items", Map.of("externalId", "FEW-1", "requestType", "Lead")).text("id");
        sourceSystem("other-few").post("/api/work-items", Map.of("externalId", "FEW-2", "requestType", "Lead"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "QUEUED".equals(stateOf(id)));
        crm.post("/api/work-items/" + id + "/cancel", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 1);
        assertThat(receiver.accepted().get(0).body()).contains("\"type\":\"workitem.canceled\"", "FEW-1");
        assertThat(count("SELECT COUNT(*) FROM webhook_outbox")).as("nothing else, nothing of another source")
            .isEqualTo(1);
    }

    @Test
    void aMessageThatKeepsFailingIsADeadLetterThatHoldsItsItemBackUntilASupervisorSendsItAgain() {
        receiver.up();
        receiver.answer(500);
        ApiClient crm = sourceSystem("crm-dead");
        crm.post("/api/source-systems/crm-dead/webhooks", Map.of("url", receiver.url()));
        String id = crm.post("/api/work-items", Map.of("externalId", "DEAD-1", "requestType", "Lead",
                "customerSegment", "Gold")).text("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "QUEUED".equals(stateOf(id)));
        String department = jdbc.queryForObject("SELECT department FROM work_item WHERE id = ?", String.class, id);
        // the first message has failed all but its last allowed attempt
        jdbc.update("UPDATE webhook_outbox SET attempts = 29, next_attempt_at = CURRENT_TIMESTAMP WHERE id = "
                + "(SELECT MIN(id) FROM webhook_outbox WHERE work_item_id = ?)", id);
        await().atMost(Duration.ofSeconds(30))
            .until(() -> count("SELECT COUNT(*) FROM webhook_outbox WHERE state = 'DEAD'") == 1);
        int later = count("SELECT COUNT(*) FROM webhook_outbox WHERE state = 'PENDING'");
        assertThat(later).as("the item's later messages wait behind it").isPositive();

        department("sales", "Sales");
        department("finance", "Finance");
        String other = "Sales".equalsIgnoreCase(department) ? "finance" : "sales";
        ApiClient stranger = member("sv-other-dead", "supervisors", other);
        assertThat(stranger.get("/api/webhooks/dead-letters").body()).isEmpty();
        ApiClient boss = member("sv-dead", "supervisors", department.toLowerCase());
        JsonNode letters = boss.get("/api/webhooks/dead-letters").body();
        assertThat(letters).hasSize(1);
        JsonNode letter = letters.get(0);
        assertThat(letter.path("externalId").asText()).isEqualTo("DEAD-1");
        assertThat(letter.path("attempts").asInt()).isEqualTo(30);
        assertThat(letter.path("lastStatus").asInt()).isEqualTo(500);
        assertThat(letter.path("waitingBehind").asLong()).isEqualTo(later);
        long letterId = letter.path("id").asLong();
        assertThat(stranger.post("/api/webhooks/dead-letters/" + letterId + "/resend", null).status()).isEqualTo(404);
        assertThat(as("agent-dead", "agents").get("/api/webhooks/dead-letters").status()).isEqualTo(403);
        assertThat(crm.post("/api/webhooks/dead-letters/" + letterId + "/resend", null).status()).isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM webhook_outbox WHERE state = 'DEAD'")).as("nothing changed")
            .isEqualTo(1);

        receiver.answer(204);
        var resent = boss.post("/api/webhooks/dead-letters/" + letterId + "/resend", null);
        assertThat(resent.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
            .until(() -> count("SELECT COUNT(*) FROM webhook_outbox WHERE state <> 'DELIVERED'") == 0);
        List<String> delivered = receiver.accepted().stream().map(Receiver.Received::webhookId).toList();
        assertThat(delivered).hasSize(later + 1)
            .isEqualTo(jdbc.queryForList("SELECT 'msg_' || event_id FROM webhook_outbox ORDER BY id", String.class));
        assertThat(boss.post("/api/webhooks/dead-letters/" + letterId + "/resend", null).status()).isEqualTo(409);
    }
}
