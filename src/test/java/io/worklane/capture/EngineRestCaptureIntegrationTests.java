package io.worklane.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/**
 * The engine REST API is a second door into the same process: it must not let a source system or an agent do
 * what the capture API forbids (another system's items, forged ids, skipped confirmations, forged actors).
 */
class EngineRestCaptureIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String START = "/engine-rest/process-definition/key/work-item/start";

    @Test
    void aBusinessKeyCannotNameAnotherItem() {
        String victim = queued(sourceSystem("webshop"), "W-1");

        var forged = sourceSystem("crm").post(START, Map.of("businessKey", victim, "variables",
                Map.of("externalId", value("C-1"))));

        // Camunda's REST API wraps the refused start into a 500; Worklane answers the refusal it is (400)
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.text("detail")).contains("names an existing work item");
        var item = supervisor().get("/api/work-items/" + victim);
        assertThat(item.text("sourceSystem")).isEqualTo("webshop");
        assertThat(item.text("externalId")).isEqualTo("W-1");
        assertThat(count("SELECT COUNT(*) FROM work_item")).isOne();
    }

    @Test
    void aSourceSystemStartsItemsForItselfOnly() {
        ApiClient crm = sourceSystem("crm");

        var foreign = crm.post(START, Map.of("variables", Map.of("externalId", value("F-1"), "sourceSystem",
                value("webshop"))));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.text("message")).contains("cannot capture items for 'webshop'");
        assertThat(count("SELECT COUNT(*) FROM work_item")).isZero();

        var own = crm.post(START, Map.of("variables", Map.of("externalId", value("F-2"))));
        assertThat(own.status()).isEqualTo(200);
        assertThat(crm.get("/api/work-items/" + own.text("businessKey")).text("sourceSystem")).isEqualTo("crm");
        assertThat(count("SELECT COUNT(*) FROM work_item")).isOne();
    }

    @Test
    void theEnginePathKeepsTheCaptureRules() {
        var started = sourceSystem("crm").post(START, Map.of("businessKey", "rules-1", "variables",
                Map.of("externalId", value("R-1"), "priority", value(-5), "requestType", value("Lead"), "description",
                        value("far more than thirty characters here"))));

        // refused at the door, before the engine runs anything, with the capture API's own reasons
        assertThat(started.status()).isEqualTo(400);
        assertThat(started.text("message")).contains("priority");
        assertThat(count("SELECT COUNT(*) FROM work_item")).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void onlyTheOwnerRestartsAnItem() {
        ApiClient crm = sourceSystem("crm");
        String id = queued(crm, "RS-1");
        crm.post("/api/work-items/" + id + "/complete", null);

        var foreign = sourceSystem("webshop").post("/engine-rest/message",
                Map.of("messageName", "WorkItem.Restart", "businessKey", id));

        // messages are Worklane's own; the owner restarts through /api/work-items/{id}/restart
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(crm.post("/engine-rest/message", Map.of("messageName", "WorkItem.Restart", "businessKey", id))
            .status()).isEqualTo(403);
        assertThat(crm.get("/api/work-items/" + id).text("state")).isEqualTo("COMPLETED");
    }

    @Test
    void anAgentCannotRedirectOrSkipTheConfirmationWithTaskVariables() {
        ApiClient crm = sourceSystem("crm");
        String victim = queued(crm, "V-1");
        ApiClient carol = agent("carol", Map.of("Finance Processing", 8), 1);
        carol.put("/api/agents/carol/presence", Map.of("state", "READY"));
        String own = crm.post("/api/work-items", Map.of("externalId", "V-2", "requestType", "Invoice")).text("id");
        await().atMost(PATIENCE).until(() -> crm.get("/api/work-items/" + own).text("state"), "IN_PROGRESS"::equals);
        String task = carol.get("/engine-rest/task?assignee=carol&maxResults=1").body().get(0).path("id").asText();

        var completed = carol.post("/engine-rest/task/" + task + "/complete", Map.of("variables",
                Map.of("workItemId", value(victim), "confirmationTimeout", Map.of("type", "Null"))));

        // a completion carries the form's fields only: refused, and the task is still carol's
        assertThat(completed.status()).isEqualTo(400);
        assertThat(completed.text("message")).contains("workItemId");
        assertThat(crm.get("/api/work-items/" + victim).text("state")).isEqualTo("QUEUED");
        assertThat(crm.get("/api/work-items/" + own).text("state")).isEqualTo("IN_PROGRESS");
        assertThat(carol.post("/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of())).status())
            .isEqualTo(204);
        assertThat(crm.get("/api/work-items/" + own).text("state")).as("the Finance rule asks for confirmation")
            .isEqualTo("AWAITING_CONFIRMATION");
    }

    @Test
    void tasksAreWorkedButNeverReassignedInTasklist() {
        ApiClient crm = sourceSystem("crm");
        ApiClient alice = agent("alice", Map.of("Sales Processing", 9), 1);
        alice.put("/api/agents/alice/presence", Map.of("state", "READY"));
        String id = crm.post("/api/work-items", Map.of("externalId", "T-1", "requestType", "Lead")).text("id");
        await().atMost(PATIENCE).until(() -> crm.get("/api/work-items/" + id).text("state"), "IN_PROGRESS"::equals);
        String task = "/engine-rest/task/" + alice.get("/engine-rest/task?assignee=alice&maxResults=1").body().get(0)
            .path("id").asText();

        assertThat(alice.post(task + "/assignee", Map.of("userId", "bob")).status()).isEqualTo(403);
        assertThat(alice.post(task + "/unclaim", null).status()).isEqualTo(403);
        assertThat(supervisor().post(task + "/assignee", Map.of("userId", "bob")).status()).isEqualTo(403);
        assertThat(supervisor().get(task).status()).as("supervisors still see every task").isEqualTo(200);
        assertThat(alice.post(task + "/submit-form", Map.of("variables", Map.of())).status()).isEqualTo(204);
        await().atMost(PATIENCE).until(() -> crm.get("/api/work-items/" + id).text("state"), "COMPLETED"::equals);
    }

    @Test
    void aStoredActorVariableIsRefusedAndBreaksNothing() {
        ApiClient crm = sourceSystem("crm");
        var forged = crm.post(START, Map.of("variables", Map.of("externalId", value("A-0"), "actor",
                value("SUPERVISOR:boss"))));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM work_item")).isZero();

        var started = crm.post(START, Map.of("variables", Map.of("externalId", value("A-1"))));
        String id = started.text("businessKey");
        await().atMost(PATIENCE).until(() -> crm.get("/api/work-items/" + id).text("state"), "QUEUED"::equals);

        var held = crm.post("/api/work-items/" + id + "/hold", null);

        assertThat(held.status()).isEqualTo(200);
        String history = crm.get("/api/work-items/" + id + "/history").body().toString();
        assertThat(history).doesNotContain("boss").contains("\"type\":\"SOURCE_SYSTEM\",\"id\":\"crm\"");
    }

    private String queued(ApiClient source, String externalId) {
        String id = source.post("/api/work-items", Map.of("externalId", externalId, "requestType", "Lead")).text("id");
        await().atMost(PATIENCE).until(() -> source.get("/api/work-items/" + id).text("state"), "QUEUED"::equals);
        return id;
    }

    private static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }
}
