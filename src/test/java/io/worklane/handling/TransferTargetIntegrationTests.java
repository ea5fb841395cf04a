package io.worklane.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/**
 * No buried work: a transfer to a skill target nobody matches is refused, and a transferred item nobody takes
 * widens back to its own routing targets after the transfer time-out (engine clock moved by the test).
 */
class TransferTargetIntegrationTests extends PostgresIntegrationTest {

    private static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aTransferToATargetNoAgentMatchesIsRefusedAndChangesNothing() {
        ApiClient alice = readyAgent("alice", Map.of("Sales Processing", 8));
        String id = inProgress("T-1");
        int events = count("SELECT COUNT(*) FROM work_item_event WHERE work_item_id = ?", id);

        var refused = alice.post("/api/agents/alice/items/" + id + "/transfer", Map.of("target", "Legal Processing > 3"));
        String task = alice.get("/engine-rest/task?assignee=alice&maxResults=1").body().get(0).path("id").asText();
        var submitted = alice.post("/engine-rest/task/" + task + "/submit-form", Map.of("variables", Map.of(
                "action", Map.of("value", "TRANSFER_TARGET"), "transferTarget", Map.of("value", "Legal Processing > 3"))));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("https://worklane.io/problems/no-matching-agent");
        assertThat(refused.text("target")).isEqualTo("Legal Processing > 3");
        assertThat(refused.text("detail")).contains("'Legal Processing > 3'");
        // Tasklist's form submission: the engine answers 400 with the reason, which Tasklist shows at the form
        assertThat(submitted.status()).isEqualTo(400);
        assertThat(submitted.text("detail")).contains("No agent matches the skill target 'Legal Processing > 3'");
        assertThat(jdbc.queryForMap("SELECT state, assignee, transfer_target FROM work_item WHERE id = ?", id))
            .containsEntry("state", "IN_PROGRESS").containsEntry("assignee", "alice").containsEntry("transfer_target", null);
        assertThat(alice.get("/engine-rest/task?assignee=alice&maxResults=10").body().size()).as("the task is still there").isOne();
        assertThat(count("SELECT COUNT(*) FROM work_item_event WHERE work_item_id = ?", id)).isEqualTo(events);
    }

    @Test
    void aTransferNobodyTakesWidensBackToTheItemsOwnTargets() {
        ClockUtil.setCurrentTime(Date.from(T0));
        ApiClient alice = readyAgent("alice", Map.of("Sales Processing", 8));
        agent("frank", Map.of("Finance Processing", 8), 1); // matches the transfer target, but never ready
        String id = inProgress("T-2");
        Instant due = jdbc.queryForObject("SELECT due_at FROM work_item WHERE id = ?", Timestamp.class, id).toInstant();

        ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofHours(1))));
        var transferred = alice.post("/api/agents/alice/items/" + id + "/transfer",
                Map.of("target", "Finance Processing > 4"));
        assertThat(transferred.status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(id)));
        alice.put("/api/agents/alice/presence", Map.of("state", "NOT_READY", "reason", "Lunch"));
        readyAgent("bob", Map.of("Sales Processing", 5));
        var queued = jdbc.queryForMap("SELECT target_level, next_target_expansion_at FROM work_item WHERE id = ?", id);
        assertThat(queued).containsEntry("target_level", "TRANSFER");
        Instant widensAt = ((Timestamp) queued.get("next_target_expansion_at")).toInstant();
        Instant transferredAt = T0.plus(Duration.ofHours(1));
        assertThat(Duration.between(transferredAt, widensAt))
            .as("a quarter of the time left until the due date")
            .isCloseTo(Duration.between(transferredAt, due).dividedBy(4), Duration.ofSeconds(5));
        assertThat(stateOf(id)).as("bob does not match the transfer target").isEqualTo("QUEUED");

        ClockUtil.setCurrentTime(Date.from(widensAt.plusSeconds(60)));
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(id)));

        assertThat(jdbc.queryForObject("SELECT assignee FROM work_item WHERE id = ?", String.class, id)).isEqualTo("bob");
        var widened = jdbc.queryForMap("SELECT actor_type, actor_id, details FROM work_item_event "
                + "WHERE work_item_id = ? AND type = 'TARGET_EXPANDED'", id);
        assertThat(widened).containsEntry("actor_type", "TIMER").containsEntry("actor_id", "routing-target");
        assertThat(widened.get("details").toString()).contains("\"from\":\"TRANSFER\"", "\"to\":\"PRIMARY\"");
    }

    private ApiClient readyAgent(String id, Map<String, Integer> skills) {
        ApiClient agent = agent(id, skills, 1);
        assertThat(agent.put("/api/agents/" + id + "/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        return agent;
    }

    /** A Sales lead (primary target "Sales Processing > 4"), taken by the ready Sales agent. */
    private String inProgress(String externalId) {
        String id = sourceSystem("crm").post("/api/work-items", Map.of("externalId", externalId, "requestType", "Lead",
                "customerSegment", "Gold")).text("id");
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(id)));
        return id;
    }
}
