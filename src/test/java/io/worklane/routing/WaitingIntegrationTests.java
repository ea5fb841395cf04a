package io.worklane.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/** GET /api/work-items/{id}/routing: why an item is still waiting, from the agents as they are now. */
class WaitingIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void theReportNamesTheTargetAndWhyNobodyMatchingTakesItThenWhoGotIt() {
        department("finance", "Finance");
        department("sales", "Sales");
        ApiClient sam = member("sam-waiting", "supervisors", "finance");
        ApiClient sofia = member("sofia-waiting", "supervisors", "sales");
        ApiClient crm = sourceSystem("crm");
        String id = crm.post("/api/work-items", Map.of("externalId", "WAIT-1", "requestType", "Invoice")).text("id");
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(id)));

        var nobody = sam.get("/api/work-items/" + id + "/routing");
        assertThat(nobody.status()).as("%s", nobody).isEqualTo(200);
        assertThat(nobody.text("target")).isEqualTo("Finance Processing > 4");
        assertThat(nobody.text("targetLevel")).isEqualTo("PRIMARY");
        assertThat(nobody.text("processInstanceId")).isEqualTo(jdbc.queryForObject(
                "SELECT process_instance_id FROM work_item WHERE id = ?", String.class, id));
        assertThat(nobody.body().path("position").asLong()).isOne();
        assertThat(nobody.body().path("agents").path("total").asInt()).isZero();
        assertThat(nobody.text("summary")).startsWith("No agent matches 'Finance Processing > 4'")
            .contains("widens at");

        agentOf("carol", Map.of("Finance Processing", 8), "finance");
        agentOf("erin", Map.of("Sales Processing", 9), "sales");
        assertThat(as("carol").put("/api/agents/carol/presence", Map.of("state", "NOT_READY", "reason", "Lunch"))
            .status()).isEqualTo(200);
        assertThat(as("erin").put("/api/agents/erin/presence", Map.of("state", "READY")).status()).isEqualTo(200);

        var lunch = sam.get("/api/work-items/" + id + "/routing").body();
        assertThat(lunch.path("agents").path("total").asInt()).as("erin has no Finance skill").isOne();
        assertThat(lunch.path("agents").path("ready").asInt()).isZero();
        assertThat(lunch.path("agents").path("notReady").path("Lunch").asInt()).isOne();
        assertThat(lunch.path("summary").asText()).contains("Nobody matching 'Finance Processing > 4' is free")
            .contains("1 NOT_READY (Lunch)");
        assertThat(stateOf(id)).isEqualTo("QUEUED");

        assertThat(sofia.get("/api/work-items/" + id + "/routing").status()).as("another department").isEqualTo(404);
        assertThat(as("carol").get("/api/work-items/" + id + "/routing").status()).as("an agent").isEqualTo(404);
        assertThat(crm.get("/api/work-items/" + id + "/routing").status()).as("its source").isEqualTo(404);

        assertThat(as("carol").put("/api/agents/carol/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(id)));
        var taken = sam.get("/api/work-items/" + id + "/routing").body();
        assertThat(taken.path("summary").asText()).isEqualTo("It is not waiting for an agent: IN_PROGRESS, with carol.");
        assertThat(taken.path("lastOffer").path("agent").asText()).isEqualTo("carol");
        assertThat(taken.path("position").isNull()).isTrue();
    }

    private void agentOf(String id, Map<String, Integer> skills, String department) {
        member(id, "agents", department);
        var saved = supervisor().put("/api/agents/" + id, Map.of("displayName", id, "skills", skills, "capacity",
                Map.of("workitem", 1), "groups", List.of(department)));
        assertThat(saved.status()).as("%s", saved).isIn(200, 201);
    }
}
