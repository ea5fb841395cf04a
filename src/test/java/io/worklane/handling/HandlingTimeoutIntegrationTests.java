package io.worklane.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;
import io.worklane.exceptions.ExceptionWatch;

/**
 * The handling time-out of the seed's "close in source system", over HTTP on PostgreSQL: web-shop carts, whose
 * service level (decisions/service-level.dmn) gives them one, back to the queue or to the supervisors.
 */
class HandlingTimeoutIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private ManagementService managementService;

    @Autowired
    private TaskService taskService;

    @Autowired
    private ExceptionWatch watch;

    @Test
    void aCartHandledLongerThanItsTimeOutGoesBackToTheQueueWithItsPriority() {
        ApiClient alice = readyAgent("alice-hto");
        ApiClient webshop = sourceSystem("webshop");
        String id = cart(webshop, "CART-1", Map.of("dealValue", 120));
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(id)));
        int priority = webshop.get("/api/work-items/" + id).body().path("priority").asInt();
        assertThat(webshop.get("/api/work-items/" + id).text("prioritySchema")).isEqualTo("Cart");

        Job timer = handlingTimer(id);
        assertThat(timer.getDuedate().toInstant()).as("the rule's PT4H, counted from the agent's start")
            .isBetween(Instant.now().plus(Duration.ofMinutes(239)), Instant.now().plus(Duration.ofHours(4)));
        // alice is away and never comes back to it
        assertThat(alice.put("/api/agents/alice-hto/presence", Map.of("state", "NOT_READY", "reason", "Lunch"))
            .status()).isEqualTo(200);
        managementService.executeJob(timer.getId());

        var item = webshop.get("/api/work-items/" + id);
        assertThat(item.text("state")).isEqualTo("QUEUED");
        assertThat(item.body().path("assignee").isNull()).isTrue();
        assertThat(item.body().path("priority").asInt()).as("the priority its curve gives it").isEqualTo(priority);
        assertThat(taskService.createTaskQuery().taskAssignee("alice-hto").count()).as("her task is withdrawn")
            .isZero();
        JsonNode timedOut = event(webshop, id, "HANDLING_TIMED_OUT");
        assertThat(timedOut.path("actor").path("type").asText()).isEqualTo("TIMER");
        assertThat(timedOut.path("actor").path("id").asText()).isEqualTo("handling-timeout");
        assertThat(timedOut.path("details").path("action").asText()).isEqualTo("RETURN_TO_QUEUE");
        assertThat(timedOut.path("details").path("timeout").asText()).isEqualTo("PT4H");
        assertThat(timedOut.path("details").path("releasedAgent").asText()).isEqualTo("alice-hto");
        assertThat(alice.get("/api/agents/alice-hto").body().path("load").path("workitem").asInt())
            .as("her slot is free").isZero();
    }

    @Test
    void aHighValueCartWhoseHandlingTimesOutStaysWithItsAgentAndRaisesAnException() {
        readyAgent("bob-hto");
        ApiClient webshop = sourceSystem("webshop");
        // a shop that sends the cart's value as a custom attribute, not as the deal value
        String id = cart(webshop, "CART-2", Map.of("attributes", Map.of("cartValue", 2500)));
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(id)));
        assertThat(webshop.get("/api/work-items/" + id).text("prioritySchema")).as("read from customAttributes")
            .isEqualTo("Hot cart");

        managementService.executeJob(handlingTimer(id).getId());

        assertThat(stateOf(id)).isEqualTo("IN_PROGRESS");
        assertThat(event(webshop, id, "HANDLING_TIMED_OUT").path("details").path("action").asText())
            .isEqualTo("EXCEPTION");
        watch.look();
        assertThat(taskService.createTaskQuery().processDefinitionKey("supervisor-exception").list())
            .extracting(task -> task.getName())
            .containsExactly("Handling timed out: CART-2");

        ApiClient bob = as("bob-hto");
        assertThat(bob.post("/api/agents/bob-hto/items/" + id + "/done", null).status()).isEqualTo(200);
        watch.look();
        assertThat(taskService.createTaskQuery().processDefinitionKey("supervisor-exception").count())
            .as("the cause is gone").isZero();
    }

    private String cart(ApiClient webshop, String externalId, Map<String, Object> value) {
        Map<String, Object> body = new HashMap<>(value);
        body.put("externalId", externalId);
        body.put("requestType", "Lead");
        var captured = webshop.post("/api/work-items", body);
        assertThat(captured.status()).as("%s", captured).isEqualTo(201);
        return captured.text("id");
    }

    private Job handlingTimer(String id) {
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM work_item WHERE id = ?", String.class, id);
        return managementService.createJobQuery().processInstanceId(instance).activityId("Event_HandlingTimedOut")
            .singleResult();
    }

    private static JsonNode event(ApiClient client, String id, String type) {
        List<JsonNode> events = new java.util.ArrayList<>();
        client.get("/api/work-items/" + id + "/history").body().forEach(events::add);
        return events.stream().filter(event -> type.equals(event.path("type").asText())).findFirst().orElseThrow();
    }

    private ApiClient readyAgent(String id) {
        ApiClient agent = agent(id, Map.of("Sales Processing", 8), 1);
        assertThat(agent.put("/api/agents/" + id + "/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        return agent;
    }
}
