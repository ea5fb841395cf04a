package io.worklane.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

class WorkItemLifecycleIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    private int port;

    @Autowired
    private io.worklane.routing.Router router;

    @Test
    void heldItemsAreNotOfferedAndComeBackWithTheirPriority() {
        ApiClient crm = sourceSystem("crm");
        String id = queuedLead(crm, "HR-1", "Gold");
        assertThat(crm.post("/api/work-items/" + id + "/hold", null).text("state")).isEqualTo("HELD");

        ApiClient bob = agent("bob", Map.of("Sales Processing", 5), 1);
        bob.put("/api/agents/bob/presence", Map.of("state", "READY"));
        await().atMost(PATIENCE).until(() -> router.fill("bob") == 0);
        assertThat(crm.get("/api/work-items/" + id).text("state")).as("held: not offered").isEqualTo("HELD");

        assertThat(supervisor().post("/api/work-items/" + id + "/resume", null).status()).isEqualTo(200);
        var resumed = awaitState(crm, id, "IN_PROGRESS");
        assertThat(resumed.body().path("priority").asInt()).isEqualTo(500);
        assertThat(resumed.text("assignee")).isEqualTo("bob");
        var history = crm.get("/api/work-items/" + id + "/history").body();
        assertThat(event(history, "HELD").path("actor").path("type").asText()).isEqualTo("SOURCE_SYSTEM");
        assertThat(event(history, "HELD").path("actor").path("id").asText()).isEqualTo("crm");
        assertThat(event(history, "RESUMED").path("actor").path("type").asText()).isEqualTo("SUPERVISOR");
        assertThat(event(history, "RESUMED").path("actor").path("id").asText()).isEqualTo("sofia");
    }

    @Test
    void changedClassificationInputsReclassifyTheItem() {
        ApiClient crm = sourceSystem("crm");
        String id = queuedLead(crm, "RC-1", "Gold");

        var patched = crm.patch("/api/work-items/" + id, Map.of("requestType", "Invoice", "customerSegment", "Silver"));
        assertThat(patched.status()).isEqualTo(200);

        var queued = awaitState(crm, id, "QUEUED");
        assertThat(queued.text("department")).isEqualTo("Finance");
        assertThat(queued.text("process")).isEqualTo("Billing");
        assertThat(queued.body().path("priority").asInt()).isEqualTo(200);
        assertThat(queued.text("requiredSkill")).isEqualTo("Finance Processing");
        var reclassified = event(crm.get("/api/work-items/" + id + "/history").body(), "RECLASSIFIED");
        assertThat(reclassified.path("details").path("fields").toString()).contains("requestType", "customerSegment");
    }

    @Test
    void aNewActivationDateReschedulesTheItemUntilThen() {
        ApiClient crm = sourceSystem("crm");
        String id = queuedLead(crm, "RS-1", "Gold");
        Instant activation = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant due = Instant.parse("2030-01-01T12:00:00Z");

        crm.patch("/api/work-items/" + id, Map.of("activationAt", activation.toString(), "dueAt", due.toString()));
        var scheduled = awaitState(crm, id, "SCHEDULED");
        assertThat(Instant.parse(scheduled.text("dueAt"))).isEqualTo(due);
        assertThat(supervisor().get("/api/queue").body().path("items")).isEmpty();

        // the engine's clock (Worklane's too) reaches the activation date: the timer fires on its own
        ClockUtil.setCurrentTime(java.util.Date.from(activation.plusSeconds(1)));
        ApiClient.Response queued;
        try {
            queued = awaitState(crm, id, "QUEUED");
        }
        finally {
            ClockUtil.reset();
        }
        assertThat(Instant.parse(queued.text("queuedAt"))).isAfterOrEqualTo(activation);
        var history = crm.get("/api/work-items/" + id + "/history").body();
        assertThat(types(history)).containsSubsequence("RECLASSIFIED", "CLASSIFIED", "QUEUED");
        JsonNode activated = history.get(history.size() - 1);
        assertThat(activated.path("type").asText()).isEqualTo("QUEUED");
        assertThat(activated.path("actor").path("type").asText()).isEqualTo("TIMER");
        assertThat(activated.path("actor").path("id").asText()).isEqualTo("activation-date");
    }

    @Test
    void anUpdateLeavesTheAgentAtWork() {
        ApiClient crm = sourceSystem("crm");
        ApiClient alice = agent("alice", Map.of("Sales Processing", 9), 1);
        alice.put("/api/agents/alice/presence", Map.of("state", "READY"));
        String id = capture(crm, Map.of("externalId", "UP-1", "customerSegment", "Gold", "requestType", "Lead"));
        awaitState(crm, id, "IN_PROGRESS");
        String task = alice.get("/engine-rest/task?assignee=alice&maxResults=1").body().get(0).path("id").asText();

        var updated = crm.patch("/api/work-items/" + id,
                Map.of("contactNumber", "+49 30 5555", "attributes", Map.of("campaign", "spring")));

        assertThat(updated.text("state")).isEqualTo("IN_PROGRESS");
        assertThat(updated.text("contactNumber")).isEqualTo("+49 30 5555");
        assertThat(updated.body().path("attributes").path("campaign").asText()).isEqualTo("spring");
        assertThat(alice.get("/engine-rest/task?assignee=alice&maxResults=1").body().get(0).path("id").asText())
            .isEqualTo(task);
        assertThat(alice.get("/engine-rest/task/" + task + "/form-variables").body().path("contactNumber")
            .path("value").asText()).isEqualTo("+49 30 5555");
    }

    @Test
    void theSourceConfirmsWhatTheAgentMarkedDone() {
        ApiClient crm = sourceSystem("crm");
        ApiClient carol = agent("carol", Map.of("Finance Processing", 8), 1);
        carol.put("/api/agents/carol/presence", Map.of("state", "READY"));
        String id = capture(crm, Map.of("externalId", "CF-1", "requestType", "Invoice"));
        awaitState(crm, id, "IN_PROGRESS");
        String task = carol.get("/engine-rest/task?assignee=carol&maxResults=1").body().get(0).path("id").asText();
        carol.post("/engine-rest/task/" + task + "/submit-form", Map.of("variables", Map.of()));

        var awaiting = awaitState(crm, id, "AWAITING_CONFIRMATION");
        assertThat(awaiting.text("doneAt")).isNotNull();
        assertThat(awaiting.text("assignee")).isNull();
        assertThat(carol.get("/api/agents/carol").body().path("load").path("workitem").asInt()).isZero();

        var completed = crm.post("/api/work-items/" + id + "/complete", null);
        assertThat(completed.text("state")).isEqualTo("COMPLETED");
        var history = crm.get("/api/work-items/" + id + "/history").body();
        assertThat(types(history)).endsWith("OFFERED", "DONE", "COMPLETED");
        assertThat(event(history, "DONE").path("actor").path("id").asText()).isEqualTo("carol");
        assertThat(event(history, "COMPLETED").path("actor").path("type").asText()).isEqualTo("SOURCE_SYSTEM");
    }

    @Test
    void aCompletedItemIsCapturedAgainOnlyThroughRestart() {
        ApiClient crm = sourceSystem("crm");
        String id = queuedLead(crm, "RT-1", "Gold");
        crm.post("/api/work-items/" + id + "/complete", null);

        var again = crm.post("/api/work-items", Map.of("externalId", "RT-1", "customerSegment", "Gold"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("state")).isEqualTo("COMPLETED");

        var restarted = crm.post("/api/work-items/" + id + "/restart", Map.of("customerSegment", "Silver"));
        assertThat(restarted.status()).isEqualTo(200);
        assertThat(restarted.body().path("restartCount").asInt()).isOne();
        var queued = awaitState(crm, id, "QUEUED");
        assertThat(queued.body().path("priority").asInt()).isEqualTo(200);
        assertThat(queued.text("completedAt")).isNull();
        assertThat(types(crm.get("/api/work-items/" + id + "/history").body()))
            .containsSubsequence("COMPLETED", "RESTARTED", "CLASSIFIED", "QUEUED");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isOne();
    }

    @Test
    void badOperationsAreRefusedAndChangeNothing() {
        ApiClient crm = sourceSystem("crm");
        String id = queuedLead(crm, "BAD-1", "Gold");
        String item = "/api/work-items/" + id;

        assertThat(crm.post("/api/work-items/nope/hold", null).status()).isEqualTo(404);
        assertThat(sourceSystem("webshop").post(item + "/cancel", null).status()).isEqualTo(404);
        assertThat(sourceSystem("webshop").patch(item, Map.of("name", "X")).status()).isEqualTo(404);

        var immutable = crm.patch(item, Map.of("externalId", "OTHER"));
        assertThat(immutable.status()).isEqualTo(400);
        assertThat(immutable.text("detail")).contains("externalId");
        var unknown = crm.patch(item, Map.of("colour", "red"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("type")).isEqualTo("https://worklane.io/problems/malformed-request");
        assertThat(crm.patch(item, Map.of("priority", "high")).status()).isEqualTo(400);
        assertThat(crm.patch(item, Map.of("priority", -1)).status()).isEqualTo(400);

        var longLead = crm.patch(item, Map.of("description", "x".repeat(31)));
        assertThat(longLead.status()).isEqualTo(400);
        assertThat(longLead.body().path("errors").get(0).path("field").asText()).isEqualTo("description");

        var view = crm.get(item);
        assertThat(view.text("state")).isEqualTo("QUEUED");
        assertThat(view.text("externalId")).isEqualTo("BAD-1");
        assertThat(view.text("description")).isNull();
        assertThat(types(crm.get(item + "/history").body())).doesNotContain("UPDATED", "RECLASSIFIED");
    }

    @Test
    void customAttributesMergeMemberByMember() {
        ApiClient crm = sourceSystem("crm");
        String id = capture(crm, Map.of("externalId", "MP-1", "attributes", Map.of("channel", "web", "campaign", "winter")));

        var patched = crm.patchRaw("/api/work-items/" + id, "{\"attributes\":{\"campaign\":null,\"region\":\"north\"}}");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().path("attributes").toString()).isEqualTo("{\"channel\":\"web\",\"region\":\"north\"}");
    }

    @Test
    void datesOutsideWhatADatabaseHoldsAreRejected() {
        var response = sourceSystem("crm").post("/api/work-items",
                Map.of("externalId", "Y-1", "activationAt", "+100000-01-01T00:00:00Z"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("detail")).contains("9999");
        assertThat(count("SELECT COUNT(*) FROM work_item")).isZero();
    }

    @Test
    void leadsHaveShortDescriptionsOtherItemsLongerOnes() {
        ApiClient crm = sourceSystem("crm");
        var lead = crm.post("/api/work-items", Map.of("externalId", "D-1", "requestType", "Lead", "description",
                "a description longer than thirty"));
        assertThat(lead.status()).isEqualTo(400);
        assertThat(lead.text("detail")).contains("30");
        assertThat(crm.post("/api/work-items", Map.of("externalId", "D-2", "requestType", "Invoice", "description",
                "a description longer than thirty")).status()).isEqualTo(201);
        assertThat(count("SELECT COUNT(*) FROM work_item")).isOne();
    }

    @Test
    void oversizedBodiesAre413WithOrWithoutALength() throws Exception {
        String huge = "{\"externalId\":\"BIG\",\"attributes\":{\"blob\":\"" + "x".repeat(70_000) + "\"}}";
        var withLength = sourceSystem("crm").postRaw("/api/work-items", huge);
        assertThat(withLength.status()).isEqualTo(413);
        assertThat(withLength.text("type")).isEqualTo("https://worklane.io/problems/payload-too-large");

        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/work-items"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + tokenOf("crm"))
            .POST(HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
            .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("payload-too-large");
        assertThat(count("SELECT COUNT(*) FROM work_item")).isZero();
    }

    @Test
    void theApiDescribesItselfWithExamples() {
        var description = sourceSystem("crm").get("/v3/api-docs").body();
        JsonNode paths = description.path("paths");
        assertThat(paths.has("/api/work-items/{id}/hold")).isTrue();
        assertThat(paths.path("/api/work-items").path("post").path("requestBody").toString()).contains("CRM-1002");
        assertThat(paths.path("/api/work-items/{id}").path("patch").toString()).contains("examples");
        assertThat(description.path("components").path("securitySchemes").has("basic")).isTrue();
        JsonNode capture = description.path("components").path("schemas").path("CaptureRequest");
        assertThat(capture.path("properties").path("description").path("maxLength").asInt())
            .as("the limits of io.worklane.workitem.CaptureAttribute").isEqualTo(255);
        assertThat(capture.path("properties").path("priority").path("maximum").asInt()).isEqualTo(1_000_000);
        assertThat(capture.path("required").toString()).isEqualTo("[\"externalId\"]");
        assertThat(anonymous().get("/v3/api-docs").status()).isEqualTo(401);
    }

    private String queuedLead(ApiClient crm, String externalId, String segment) {
        String id = capture(crm, Map.of("externalId", externalId, "customerSegment", segment, "requestType", "Lead"));
        awaitState(crm, id, "QUEUED");
        return id;
    }

    private static String capture(ApiClient crm, Map<String, Object> body) {
        var response = crm.post("/api/work-items", body);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("id");
    }

    private static ApiClient.Response awaitState(ApiClient crm, String id, String state) {
        return await().atMost(PATIENCE).until(() -> crm.get("/api/work-items/" + id),
                item -> state.equals(item.text("state")));
    }

    private static JsonNode event(JsonNode history, String type) {
        for (JsonNode event : history) {
            if (type.equals(event.path("type").asText())) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event in " + history);
    }

    private static List<String> types(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.forEach(event -> types.add(event.path("type").asText()));
        return types;
    }
}
