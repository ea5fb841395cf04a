package io.worklane.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

class WorkItemCaptureIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void capturedItemIsQueuedOfferedToAReadyAgentAndCompletedInTasklist() {
        ApiClient crm = sourceSystem("crm");
        ApiClient alice = agent("alice", Map.of("Sales Processing", 8), 1);

        var captured = crm.post("/api/work-items",
                Map.of("externalId", "E2E-1", "customerSegment", "Gold", "requestType", "Lead", "name", "Jo"));
        assertThat(captured.status()).isEqualTo(201);
        String id = captured.text("id");
        assertThat(captured.headers().getLocation()).hasPath("/api/work-items/" + id);
        assertThat(captured.text("state")).isEqualTo("CAPTURED");
        assertThat(captured.text("sourceSystem")).isEqualTo("crm");

        var queued = await().atMost(PATIENCE).until(() -> crm.get("/api/work-items/" + id),
                item -> "QUEUED".equals(item.text("state")));
        assertThat(queued.text("department")).isEqualTo("Sales");
        assertThat(queued.text("process")).isEqualTo("Lead Handling");
        assertThat(queued.body().path("priority").asInt()).isEqualTo(500);
        assertThat(queued.text("requiredSkill")).isEqualTo("Sales Processing");
        assertThat(Instant.parse(queued.text("dueAt")))
            .isEqualTo(Instant.parse(queued.text("capturedAt")).plus(Duration.ofHours(72)));
        assertThat(supervisor().get("/api/queue").body().path("items").get(0).path("id").asText()).isEqualTo(id);

        assertThat(alice.put("/api/agents/alice/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        var offered = await().atMost(PATIENCE).until(() -> crm.get("/api/work-items/" + id),
                item -> "IN_PROGRESS".equals(item.text("state")));
        assertThat(offered.text("assignee")).isEqualTo("alice");

        // Tasklist talks to the engine REST API as the agent, with the engine's authorization checks
        var tasks = alice.get("/engine-rest/task?assignee=alice&maxResults=10");
        assertThat(tasks.body()).hasSize(1);
        String taskId = tasks.body().get(0).path("id").asText();
        assertThat(tasks.body().get(0).path("priority").asInt()).isEqualTo(500);
        assertThat(alice.get("/engine-rest/task/" + taskId + "/form-variables").body().path("externalId")
            .path("value").asText()).isEqualTo("E2E-1");
        assertThat(alice.get("/engine-rest/task/" + taskId + "/deployed-form").body().path("id").asText())
            .isEqualTo("handle-work-item");
        assertThat(alice.post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", Map.of())).status())
            .isEqualTo(204);

        var completed = await().atMost(PATIENCE).until(() -> crm.get("/api/work-items/" + id),
                item -> "COMPLETED".equals(item.text("state")));
        assertThat(completed.text("completedAt")).isNotNull();
        var history = crm.get("/api/work-items/" + id + "/history").body();
        assertThat(eventTypes(history))
            .containsExactly("CAPTURED", "CONTEXT_LOOKED_UP", "CLASSIFIED", "QUEUED", "OFFERED", "DONE", "COMPLETED");
        assertThat(history.get(4).path("details").path("agent").asText()).isEqualTo("alice");
        assertThat(history.get(4).path("details").path("proficiencies").path("Sales Processing").asInt()).isEqualTo(8);
        assertThat(history.get(4).path("details").path("targetLevel").asText()).isEqualTo("PRIMARY");
        assertThat(history.get(4).path("details").path("target").asText()).isEqualTo("Sales Processing > 4");
        assertThat(history.get(6).path("actor").path("type").asText()).isEqualTo("AGENT");
        assertThat(history.get(6).path("actor").path("id").asText()).isEqualTo("alice");
        assertThat(alice.get("/api/agents/alice").body().path("load").path("workitem").asInt()).isZero();
    }

    @Test
    void anAttributeTheSourceLeftOutIsNoVariableAndTheDecisionsReadItAsNull() {
        ApiClient crm = sourceSystem("crm");
        String id = crm.post("/api/work-items", Map.of("externalId", "ABS-1", "customerSegment", "Gold",
                "requestType", "Lead", "name", "Jo", "surname", " ")).text("id");

        var queued = await().atMost(PATIENCE).until(() -> crm.get("/api/work-items/" + id),
                item -> "QUEUED".equals(item.text("state")));
        assertThat(queued.text("department")).as("classified without product, process or department").isEqualTo("Sales");
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM work_item WHERE id = ?", String.class, id);
        var variables = runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance);
        assertThat(variables.variableName("name").singleResult().getValue()).isEqualTo("Jo");
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance).variableName("product")
            .count()).as("left out").isZero();
        assertThat(runtimeService.getVariable(instance, "surname")).as("blank means not given").isNull();
    }

    @Test
    void capturingTheSameExternalIdAgainAnswersWithTheExistingItem() {
        ApiClient crm = sourceSystem("crm");
        var first = crm.post("/api/work-items", Map.of("externalId", "DUP-1"));
        var second = crm.post("/api/work-items", Map.of("externalId", "DUP-1", "sourceSystem", "crm"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("id")).isEqualTo(first.text("id"));
        assertThat(count("SELECT COUNT(*) FROM work_item WHERE external_id = 'DUP-1'")).isOne();
        assertThat(crm.get("/api/work-items?sourceSystem=crm&externalId=DUP-1").text("id")).isEqualTo(first.text("id"));
    }

    @Test
    void captureWithoutExternalIdIsRejectedAndStoresNothing() {
        var response = sourceSystem("crm").post("/api/work-items", Map.of("customerSegment", "Gold"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.text("type")).isEqualTo("https://worklane.io/problems/invalid-request");
        assertThat(response.body().path("errors").get(0).path("field").asText()).isEqualTo("externalId");
        assertThat(count("SELECT COUNT(*) FROM work_item")).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void supervisorMustNameTheSourceSystem() {
        var response = supervisor().post("/api/work-items", Map.of("externalId", "S-1"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("detail")).contains("sourceSystem");
    }

    @Test
    void unknownFieldsAndMalformedJsonAreRejected() {
        ApiClient crm = sourceSystem("crm");

        var unknown = crm.postRaw("/api/work-items", "{\"externalId\":\"U-1\",\"colour\":\"red\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("type")).isEqualTo("https://worklane.io/problems/malformed-request");
        assertThat(unknown.text("detail")).isEqualTo("Unknown field 'colour'.");

        var wrongType = crm.postRaw("/api/work-items", "{\"externalId\":\"U-2\",\"priority\":\"high\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.text("detail")).contains("priority");

        var notJson = crm.postRaw("/api/work-items", "{\"externalId\":");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.text("detail")).isEqualTo("The request body is not valid JSON.");

        var nestedAttribute = crm.post("/api/work-items",
                Map.of("externalId", "U-3", "attributes", Map.of("nested", Map.of("a", 1))));
        assertThat(nestedAttribute.status()).isEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM work_item")).isZero();
    }

    @Test
    void sourceSystemsSeeAndCaptureOnlyTheirOwnItems() {
        ApiClient crm = sourceSystem("crm");
        ApiClient webshop = sourceSystem("webshop");
        String id = crm.post("/api/work-items", Map.of("externalId", "OWN-1")).text("id");

        // another source's item is as absent as one that does not exist
        assertThat(webshop.get("/api/work-items/" + id).status()).isEqualTo(404);
        assertThat(webshop.get("/api/work-items?sourceSystem=crm&externalId=OWN-1").status()).isEqualTo(404);
        assertThat(webshop.get("/api/work-items?sourceSystem=crm&externalId=NONE").status()).isEqualTo(404);
        assertThat(webshop.post("/api/work-items", Map.of("externalId", "OWN-2", "sourceSystem", "crm")).status())
            .isEqualTo(403);
        assertThat(supervisor().get("/api/work-items/" + id).status()).isEqualTo(200);
        assertThat(crm.get("/api/work-items/does-not-exist").status()).isEqualTo(404);
    }

    @Test
    void theApiNeedsCredentialsAndTheRightGroup() {
        var anonymous = anonymous().get("/api/work-items/x");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).isEqualTo("application/problem+json");
        assertThat(anonymous.headers().getFirst("WWW-Authenticate")).startsWith("Basic");

        sourceSystem("erp");
        assertThat(withPassword("erp", "wrong").get("/api/work-items/x").status()).isEqualTo(401);
        assertThat(as("alice", "agents").post("/api/work-items", Map.of("externalId", "A-1")).status())
            .isEqualTo(403);
        assertThat(anonymous().get("/engine-rest/task?maxResults=1").status()).isEqualTo(401);
    }

    @Test
    void startingTheProcessOverTheEngineRestApiGivesTheSameItem() {
        ApiClient crm = sourceSystem("crm");
        var started = crm.post("/engine-rest/process-definition/key/work-item/start",
                Map.of("variables", Map.of("externalId", Map.of("value", "REST-1"), "sourceSystem",
                        Map.of("value", "crm"), "customerSegment", Map.of("value", "Silver"), "requestType",
                        Map.of("value", "Invoice"))));
        assertThat(started.status()).isEqualTo(200);

        var item = await().atMost(PATIENCE).until(() -> crm.get("/api/work-items?sourceSystem=crm&externalId=REST-1"),
                found -> "QUEUED".equals(found.text("state")));
        assertThat(item.text("id")).isEqualTo(started.text("businessKey"));
        assertThat(item.text("department")).isEqualTo("Finance");
        assertThat(item.body().path("priority").asInt()).isEqualTo(200);

        var invalid = crm.post("/engine-rest/process-definition/key/work-item/start",
                Map.of("businessKey", "no-external-id", "variables", Map.of("sourceSystem", Map.of("value", "crm"))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text("message")).contains("externalId");
        assertThat(crm.get("/api/work-items/no-external-id").status()).isEqualTo(404);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("no-external-id").count())
            .isZero();
    }

    private static java.util.List<String> eventTypes(com.fasterxml.jackson.databind.JsonNode history) {
        java.util.List<String> types = new java.util.ArrayList<>();
        history.forEach(event -> types.add(event.path("type").asText()));
        return types;
    }
}
