package io.worklane.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/**
 * What Tasklist's Worklane plugins read for an agent: the item they hold in full (and nobody else's), the item of a
 * task, a manual offer's time-out, and the NOT_READY reasons a person may choose.
 */
class AgentWorkspaceApiIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void anAgentReadsTheItemTheyHoldWithItsHistoryButNoOneElsesAndChangesNothing() {
        ApiClient alice = readyAgent("alice", false);
        ApiClient bob = agent("bob", Map.of("Sales Processing", 1), 1);
        String id = capture("WS-1");
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(id)));
        String task = jdbc.queryForObject("SELECT t.id_ FROM act_ru_task t JOIN act_ru_execution e "
                + "ON e.id_ = t.proc_inst_id_ WHERE e.business_key_ = ?", String.class, id);

        var item = alice.get("/api/work-items/" + id);
        assertThat(item.status()).as("%s", item).isEqualTo(200);
        assertThat(item.text("externalId")).isEqualTo("WS-1");
        assertThat(item.body().path("attributes").path("channel").asText()).isEqualTo("web");
        assertThat(alice.get("/api/work-items/" + id + "/history").body().findValuesAsText("type"))
            .containsSubsequence("CAPTURED", "QUEUED", "OFFERED");
        var byTask = alice.get("/api/work-items?taskId=" + task);
        assertThat(byTask.status()).as("%s", byTask).isEqualTo(200);
        assertThat(byTask.text("id")).isEqualTo(id);
        assertThat(alice.get("/api/work-items?taskId=no-such-task").status()).isEqualTo(404);

        assertThat(bob.get("/api/work-items/" + id).status()).as("another agent").isEqualTo(404);
        assertThat(bob.get("/api/work-items/" + id + "/history").status()).isEqualTo(404);
        assertThat(bob.get("/api/work-items?taskId=" + task).status()).isEqualTo(404);
        var hold = alice.post("/api/work-items/" + id + "/hold", null);
        assertThat(hold.status()).as("an agent does not hold items: %s", hold).isEqualTo(403);
        assertThat(stateOf(id)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aManualOfferCarriesItsTimeOutUntilItIsAnswered() {
        ApiClient manny = readyAgent("manny", true);
        Instant before = Instant.now();
        String id = capture("WS-2");
        await().atMost(PATIENCE).until(() -> "OFFERED".equals(stateOf(id)));

        var offered = manny.get("/api/agents/manny").body().path("items").get(0);
        Instant expires = Instant.parse(offered.path("offerExpiresAt").asText());
        Instant timerDue = jdbc.queryForObject("SELECT j.duedate_ FROM act_ru_job j JOIN act_ru_execution e "
                + "ON e.proc_inst_id_ = j.process_instance_id_ WHERE e.business_key_ = ? AND e.parent_id_ IS NULL "
                + "AND j.handler_type_ = 'timer-transition'", java.sql.Timestamp.class, id).toInstant();
        // the RONA timer of the test profile: two minutes, as configured
        assertThat(expires).isAfter(before.plus(Duration.ofMinutes(2)).minusSeconds(1));
        assertThat(Duration.between(expires, timerDue).abs()).isLessThan(Duration.ofSeconds(2));

        assertThat(manny.post("/api/agents/manny/offers/" + id + "/accept", null).status()).isEqualTo(200);
        assertThat(manny.get("/api/agents/manny").body().path("items").get(0).path("offerExpiresAt").isNull()).isTrue();
    }

    @Test
    void aPersonChoosesAConfiguredReasonButNeverRona() {
        ApiClient dave = agent("dave", Map.of("Finance Processing", 4), 1);

        var presence = dave.get("/api/agents/dave/presence");
        assertThat(presence.status()).isEqualTo(200);
        assertThat(presence.text("state")).isEqualTo("NOT_READY");
        assertThat(presence.body().path("notReadyReasons").toString()).contains("Lunch").doesNotContain("RONA");

        var rona = dave.put("/api/agents/dave/presence", Map.of("state", "NOT_READY", "reason", "RONA"));
        assertThat(rona.status()).isEqualTo(400);
        assertThat(rona.text("detail")).contains("set by the router");
        assertThat(as("eve", "agents").get("/api/agents/dave/presence").status()).isEqualTo(403);
    }

    @Test
    void theContactHistoryShowsTheCustomersOtherItemsWithinTheCallersDepartments() {
        department("sales", "Sales");
        ApiClient alice = readyAgent("alice", false);
        member("alice", "sales");
        ApiClient crm = sourceSystem("crm");
        String held = crm.post("/api/work-items", Map.of("externalId", "CH-1", "requestType", "Lead",
                "customerId", "C-7")).text("id");
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(held)));
        String finance = crm.post("/api/work-items", Map.of("externalId", "CH-2", "requestType", "Invoice",
                "customerId", "C-7")).text("id");
        String webshop = sourceSystem("webshop").post("/api/work-items", Map.of("externalId", "CH-3",
                "requestType", "Lead", "customerId", "C-7")).text("id");
        crm.post("/api/work-items", Map.of("externalId", "CH-4", "requestType", "Lead", "customerId", "C-8"));
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(finance)) && "QUEUED".equals(stateOf(webshop)));

        assertThat(alice.get("/api/work-items/" + held + "/contact-history").body().findValuesAsText("externalId"))
            .as("alice's department: Sales").containsExactly("CH-3");
        assertThat(supervisor().get("/api/work-items/" + held + "/contact-history").body()
            .findValuesAsText("externalId")).as("all departments, newest first").containsExactly("CH-3", "CH-2");
        assertThat(crm.get("/api/work-items/" + held + "/contact-history").body().findValuesAsText("externalId"))
            .as("a source system: its own items").containsExactly("CH-2");
        assertThat(as("bob", "agents").get("/api/work-items/" + held + "/contact-history").status())
            .as("an agent who does not hold the item").isEqualTo(404);
    }

    private ApiClient readyAgent(String id, boolean manual) {
        ApiClient agent = as(id, "agents");
        var saved = supervisor().put("/api/agents/" + id, Map.of("displayName", id, "skills",
                Map.of("Sales Processing", 8), "capacity", Map.of("workitem", 1), "answerMode",
                manual ? "MANUAL" : "AUTO"));
        assertThat(saved.status()).isIn(200, 201);
        assertThat(agent.put("/api/agents/" + id + "/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        return agent;
    }

    private String capture(String externalId) {
        return sourceSystem("crm").post("/api/work-items", Map.of("externalId", externalId, "requestType", "Lead",
                "customerSegment", "Gold", "attributes", Map.of("channel", "web"))).text("id");
    }
}
