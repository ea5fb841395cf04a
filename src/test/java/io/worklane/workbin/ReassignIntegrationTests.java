package io.worklane.workbin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/** A supervisor's reassignment of a parked item decides by the same free-slot rule as the router and transfers. */
class ReassignIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private TaskService taskService;

    @Test
    void aReassignmentToAnAgentWithoutAFreeSlotIsRefusedAndChangesNothing() {
        ApiClient bob = agent("bob", Map.of("Sales Processing", 5), 1);
        assertThat(bob.put("/api/agents/bob/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        String bobs = capture("REASSIGN-1");
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(bobs)));
        ApiClient alice = agent("alice", Map.of("Sales Processing", 8), 1);
        assertThat(alice.put("/api/agents/alice/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        String parked = capture("REASSIGN-2");
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(parked)));
        assertThat(alice.post("/api/agents/alice/items/" + parked + "/park", null).status()).isEqualTo(200);
        Map<String, Object> rowBefore = row(parked);
        List<String> eventsBefore = events(parked);
        List<String> tasksBefore = tasks();

        var refused = supervisor().post("/api/agents/alice/items/" + parked + "/reassign", Map.of("agent", "bob"));

        assertThat(refused.status()).as("%s", refused).isEqualTo(422);
        assertThat(refused.text("type")).isEqualTo("https://worklane.io/problems/no-free-slot");
        assertThat(refused.text("detail")).isEqualTo("bob has no free slot for workitem (1 of 1 taken).");
        assertThat(refused.text("agent")).isEqualTo("bob");
        assertThat(refused.body().path("capacity").asInt()).isOne();
        assertThat(row(parked)).isEqualTo(rowBefore).containsEntry("state", "PARKED").containsEntry("assignee", "alice");
        assertThat(events(parked)).isEqualTo(eventsBefore);
        assertThat(tasks()).isEqualTo(tasksBefore);
        assertThat(bob.get("/api/agents/bob").body().path("load").path("workitem").asInt()).isOne();

        // once bob has a free slot, the same reassignment goes through
        assertThat(bob.post("/api/agents/bob/items/" + bobs + "/park", null).status()).isEqualTo(200);
        var reassigned = supervisor().post("/api/agents/alice/items/" + parked + "/reassign", Map.of("agent", "bob"));
        assertThat(reassigned.status()).as("%s", reassigned).isEqualTo(200);
        assertThat(reassigned.text("assignee")).isEqualTo("bob");
    }

    private Map<String, Object> row(String id) {
        return jdbc.queryForMap("SELECT state, assignee, assigned_at, updated_at FROM work_item WHERE id = ?", id);
    }

    private List<String> events(String id) {
        return jdbc.queryForList("SELECT id || ' ' || type FROM work_item_event WHERE work_item_id = ? ORDER BY id",
                String.class, id);
    }

    /** Every open task of the work items, with its assignee. */
    private List<String> tasks() {
        return taskService.createTaskQuery().processDefinitionKey("work-item").orderByTaskId().asc().list().stream()
            .map(task -> task.getId() + " " + task.getTaskDefinitionKey() + " " + task.getAssignee())
            .toList();
    }

    private String capture(String externalId) {
        var response = sourceSystem("crm").post("/api/work-items",
                Map.of("externalId", externalId, "customerSegment", "Gold", "requestType", "Lead"));
        assertThat(response.status()).isEqualTo(201);
        return response.text("id");
    }
}
