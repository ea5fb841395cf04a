package io.worklane.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/** Manual answer on PostgreSQL: accept and decline over the API, and RONA when the offer times out. */
class OfferIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private TaskService taskService;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aManualAgentAcceptsAnOfferOverTheApiAndGetsTheHandlingTask() {
        ApiClient manny = manualAgent("manny", 8);
        ready(manny, "manny");
        String id = capture("OFF-1");

        await().atMost(PATIENCE).until(() -> "OFFERED".equals(stateOf(id)));
        assertThat(manny.get("/api/agents/manny").body().path("load").path("workitem").asInt())
            .as("an offer takes a slot").isOne();
        assertThat(taskService.createTaskQuery().taskAssignee("manny").taskDefinitionKey("Activity_AnswerOffer").count())
            .isOne();
        assertThat(as("mallory", "agents").post("/api/agents/manny/offers/" + id + "/accept", null).status())
            .isEqualTo(403);

        var accepted = manny.post("/api/agents/manny/offers/" + id + "/accept", null);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.text("state")).isEqualTo("IN_PROGRESS");
        assertThat(taskService.createTaskQuery().taskAssignee("manny").taskDefinitionKey("Activity_HandleWorkItem")
            .count()).isOne();
        var again = manny.post("/api/agents/manny/offers/" + id + "/accept", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).endsWith("no-pending-offer");
        assertThat(events(id)).containsSubsequence("QUEUED", "OFFERED", "ACCEPTED");
    }

    @Test
    void aDeclinedOfferGoesToTheNextAgentAndNotBackToTheOneWhoDeclined() {
        ApiClient manny = manualAgent("manny", 8);
        ready(manny, "manny");
        String id = capture("OFF-2");
        await().atMost(PATIENCE).until(() -> "OFFERED".equals(stateOf(id)));
        ApiClient otto = agent("otto", Map.of("Sales Processing", 5), 1);
        ready(otto, "otto");

        var declined = manny.post("/api/agents/manny/offers/" + id + "/decline", null);
        assertThat(declined.status()).isEqualTo(200);

        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(id)));
        assertThat(jdbc.queryForObject("SELECT assignee FROM work_item WHERE id = ?", String.class, id)).isEqualTo("otto");
        assertThat(manny.get("/api/agents/manny").body().path("presence").path("state").asText()).isEqualTo("READY");
        assertThat(events(id)).containsSubsequence("OFFERED", "DECLINED", "QUEUED", "OFFERED");
    }

    @Test
    void anOfferNobodyAnswersGoesBackToTheQueueAndTheAgentIsNotReadyWithReasonRona() {
        Instant t0 = Instant.parse("2027-01-04T09:00:00Z");
        ClockUtil.setCurrentTime(Date.from(t0));
        ApiClient manny = manualAgent("manny", 8);
        ready(manny, "manny");
        String id = capture("OFF-3");
        await().atMost(PATIENCE).until(() -> "OFFERED".equals(stateOf(id)));

        ClockUtil.setCurrentTime(Date.from(t0.plus(Duration.ofMinutes(3))));
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(id)));
        var presence = manny.get("/api/agents/manny").body().path("presence");
        assertThat(presence.path("state").asText()).isEqualTo("NOT_READY");
        assertThat(presence.path("reason").asText()).isEqualTo("RONA");
        assertThat(jdbc.queryForObject("SELECT priority FROM work_item WHERE id = ?", Integer.class, id))
            .as("back with its priority").isEqualTo(500);
        assertThat(events(id)).containsSubsequence("OFFERED", "RONA", "QUEUED");
        assertThat(taskService.createTaskQuery().taskAssignee("manny").count()).isZero();
    }

    private ApiClient manualAgent(String id, int salesProficiency) {
        ApiClient agent = as(id, "agents");
        var saved = supervisor().put("/api/agents/" + id, Map.of("displayName", id, "skills",
                Map.of("Sales Processing", salesProficiency), "capacity", Map.of("workitem", 1), "answerMode", "MANUAL"));
        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.text("answerMode")).isEqualTo("MANUAL");
        return agent;
    }

    private String capture(String externalId) {
        return sourceSystem("crm").post("/api/work-items",
                Map.of("externalId", externalId, "requestType", "Lead", "customerSegment", "Gold")).text("id");
    }

    private void ready(ApiClient agent, String id) {
        assertThat(agent.put("/api/agents/" + id + "/presence", Map.of("state", "READY")).status()).isEqualTo(200);
    }

    private java.util.List<String> events(String id) {
        return jdbc.queryForList("SELECT type FROM work_item_event WHERE work_item_id = ? ORDER BY id", String.class, id);
    }
}
