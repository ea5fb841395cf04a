package io.worklane.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/** The handling actions over the API and in the form, and the personal workbin, on PostgreSQL. */
class HandlingIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void markDoneRecordsTheDispositionAndTheFormOffersTheConfiguredChoices() {
        ApiClient alice = readyAgent("alice", Map.of("Sales Processing", 8), 2);
        String id = inProgress("H-1", "Lead", null);

        var tasks = alice.get("/engine-rest/task?assignee=alice&maxResults=10").body();
        var variables = alice.get("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/form-variables?deserializeValues=false").body();
        assertThat(variables.path("handlingActions").toString()).contains("DONE", "PARK",
                "TRANSFER_AGENT", "TRANSFER_TARGET");
        assertThat(variables.path("dispositionCodes").toString()).contains("Converted", "Not converted");

        var unknown = alice.post(path("alice", id, "done"), Map.of("disposition", "Maybe"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.text("detail")).contains("Unknown disposition code 'Maybe'");
        assertThat(alice.post(path("alice", id, "done"), Map.of("disposition", "Converted")).status()).isEqualTo(200);

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(stateOf(id)));
        assertThat(jdbc.queryForObject("SELECT disposition FROM work_item WHERE id = ?", String.class, id))
            .isEqualTo("Converted");
    }

    @Test
    void aDepartmentThatDisablesMarkDoneLeavesItOutOfTheFormAndRefusesIt() {
        ApiClient gina = readyAgent("gina", Map.of("General Processing", 8), 1);
        String id = inProgress("H-2", null, "Legal");

        var tasks = gina.get("/engine-rest/task?assignee=gina&maxResults=10").body();
        String taskId = tasks.get(0).path("id").asText();
        var variables = gina.get("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false").body();
        assertThat(variables.path("handlingActions").toString()).doesNotContain("DONE").contains("PARK");
        var refused = gina.post(path("gina", id, "done"), null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("detail")).contains("Mark done is disabled for Legal");
        var submitted = gina.post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", Map.of()));
        assertThat(submitted.status()).as("Tasklist's own Complete button is refused as well").isEqualTo(400);
        assertThat(submitted.text("message")).contains("Mark done is disabled for Legal");
        assertThat(stateOf(id)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aParkedItemStaysTheAgentsFreesTheSlotAndIsPulledBack() {
        ApiClient alice = readyAgent("alice", Map.of("Sales Processing", 8), 1);
        String first = inProgress("H-3", "Lead", null);

        assertThat(alice.post(path("alice", first, "park"), null).text("state")).isEqualTo("PARKED");
        assertThat(alice.get("/api/agents/alice/workbin").body().get(0).path("id").asText()).isEqualTo(first);
        String second = capture("H-4", "Lead", null);
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(second)));
        assertThat(assigneeOf(second)).as("parked items do not count against capacity by default").isEqualTo("alice");

        var pulled = alice.post(path("alice", first, "pull"), null);
        assertThat(pulled.status()).isEqualTo(200);
        assertThat(pulled.text("state")).isEqualTo("IN_PROGRESS");
        assertThat(events(first)).containsSubsequence("OFFERED", "PARKED", "PULLED");
    }

    @Test
    void aSupervisorReturnsOrReassignsParkedItems() {
        ApiClient alice = readyAgent("alice", Map.of("Sales Processing", 8), 1);
        String first = inProgress("H-5", "Lead", null);
        alice.post(path("alice", first, "park"), null);
        assertThat(alice.post(path("alice", first, "reassign"), Map.of("agent", "bob")).status()).isEqualTo(403);
        agent("bob", Map.of("Sales Processing", 5), 1);

        var reassigned = supervisor().post(path("alice", first, "reassign"), Map.of("agent", "bob"));
        assertThat(reassigned.status()).isEqualTo(200);
        assertThat(reassigned.text("assignee")).isEqualTo("bob");
        assertThat(reassigned.text("state")).isEqualTo("IN_PROGRESS");
        assertThat(events(first)).containsSubsequence("PARKED", "REASSIGNED");

        ApiClient bob = as("bob", "agents");
        bob.post(path("bob", first, "park"), null);
        var returned = supervisor().post(path("bob", first, "return"), null);
        assertThat(returned.status()).isEqualTo(200);
        assertThat(events(first)).containsSubsequence("PARKED", "RETURNED_TO_QUEUE", "QUEUED");
    }

    @Test
    void anAgentTransfersToAnotherAgentOrToASkillTarget() {
        ApiClient alice = readyAgent("alice", Map.of("Sales Processing", 8), 2);
        agent("bob", Map.of("Sales Processing", 5), 1);
        String first = inProgress("H-6", "Lead", null);

        var toBob = alice.post(path("alice", first, "transfer"), Map.of("agent", "bob"));
        assertThat(toBob.status()).isEqualTo(200);
        assertThat(toBob.text("assignee")).isEqualTo("bob");
        String second = inProgress("H-7", "Lead", null);
        var full = alice.post(path("alice", second, "transfer"), Map.of("agent", "bob"));
        assertThat(full.status()).isEqualTo(422);
        assertThat(full.text("detail")).contains("bob has no free slot");

        var bad = alice.post(path("alice", second, "transfer"), Map.of("target", "Finance Processing >"));
        assertThat(bad.status()).isEqualTo(422);
        // a target must be one some agent profile matches (carol, not ready yet), or the item would be buried
        ApiClient carol = agent("carol", Map.of("Finance Processing", 8), 1);
        assertThat(alice.post(path("alice", second, "transfer"), Map.of("target", "Finance Processing > 4")).status())
            .isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(second)));
        assertThat(jdbc.queryForMap("SELECT target_level, target_expression FROM work_item WHERE id = ?", second))
            .containsEntry("target_level", "TRANSFER").containsEntry("target_expression", "Finance Processing > 4");
        assertThat(carol.put("/api/agents/carol/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(second)));
        assertThat(assigneeOf(second)).isEqualTo("carol");
    }

    private ApiClient readyAgent(String id, Map<String, Integer> skills, int capacity) {
        ApiClient agent = agent(id, skills, capacity);
        assertThat(agent.put("/api/agents/" + id + "/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        return agent;
    }

    private String inProgress(String externalId, String requestType, String department) {
        String id = capture(externalId, requestType, department);
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(id)));
        return id;
    }

    private String capture(String externalId, String requestType, String department) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("externalId", externalId, "customerSegment", "Gold"));
        if (requestType != null) {
            body.put("requestType", requestType);
        }
        if (department != null) {
            body.put("department", department);
        }
        return sourceSystem("crm").post("/api/work-items", body).text("id");
    }

    private static String path(String agent, String item, String action) {
        return "/api/agents/" + agent + "/items/" + item + "/" + action;
    }

    private String assigneeOf(String id) {
        return jdbc.queryForObject("SELECT assignee FROM work_item WHERE id = ?", String.class, id);
    }

    private List<String> events(String id) {
        return jdbc.queryForList("SELECT type FROM work_item_event WHERE work_item_id = ? ORDER BY id", String.class, id);
    }
}
