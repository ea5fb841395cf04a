package io.worklane.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

class RouterIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private Router router;

    @Autowired
    private TaskService taskService;

    @Test
    void offersTheHighestPriorityItemsTheAgentQualifiesForUpToItsCapacity() {
        String bronze = capture("P-1", "Bronze", "Lead");
        String gold = capture("P-2", "Gold", "Lead");
        String silver = capture("P-3", "Silver", "Lead");
        String finance = capture("P-4", "Gold", "Invoice");
        awaitQueued(4);

        ApiClient bob = agent("bob", Map.of("Sales Processing", 5), 2);
        bob.put("/api/agents/bob/presence", Map.of("state", "READY"));
        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM work_item WHERE assignee = 'bob'") == 2);
        router.sweep();

        assertThat(stateOf(gold)).isEqualTo("IN_PROGRESS");
        assertThat(stateOf(silver)).isEqualTo("IN_PROGRESS");
        assertThat(stateOf(bronze)).isEqualTo("QUEUED");
        assertThat(stateOf(finance)).as("bob has no Finance skill").isEqualTo("QUEUED");

        ApiClient carol = agent("carol", Map.of("Finance Processing", 8), 0);
        carol.put("/api/agents/carol/presence", Map.of("state", "READY"));
        router.sweep();
        assertThat(stateOf(finance)).as("carol has no capacity for work items").isEqualTo("QUEUED");

        supervisor().put("/api/agents/carol",
                Map.of("displayName", "Carol", "skills", Map.of("Finance Processing", 8), "capacity", Map.of("workitem", 1)));
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(finance)));
        assertThat(jdbc.queryForObject("SELECT assignee FROM work_item WHERE id = ?", String.class, finance))
            .isEqualTo("carol");
    }

    @Test
    void itemsOfEqualPriorityGoOutInTheOrderTheyWereQueued() {
        String first = capture("T-1", "Gold", "Lead");
        awaitQueued(1);
        String second = capture("T-2", "Gold", "Lead");
        awaitQueued(2);

        ApiClient bob = agent("bob", Map.of("Sales Processing", 5), 1);
        bob.put("/api/agents/bob/presence", Map.of("state", "READY"));

        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(first)));
        router.sweep();
        assertThat(stateOf(second)).isEqualTo("QUEUED");
    }

    @Test
    void anItemWhoseProcessIsSuspendedDoesNotBlockTheQueue() {
        String suspended = capture("S-1", "Gold", "Lead");
        awaitQueued(1);
        String next = capture("S-2", "Silver", "Lead");
        awaitQueued(2);
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM work_item WHERE id = ?", String.class,
                suspended);
        runtimeService.suspendProcessInstanceById(instance);

        ApiClient bob = agent("bob", Map.of("Sales Processing", 5), 2);
        bob.put("/api/agents/bob/presence", Map.of("state", "READY"));

        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(next)));
        router.sweep();
        assertThat(stateOf(suspended)).isEqualTo("QUEUED");

        runtimeService.activateProcessInstanceById(instance);
        router.sweep();
        await().atMost(PATIENCE).alias("once active again it is offered").until(() -> "IN_PROGRESS".equals(stateOf(suspended)));
    }

    @Test
    void theLongestIdleAgentGetsTheNextItem() {
        ApiClient alice = agent("alice", Map.of("Sales Processing", 9), 2);
        ApiClient bob = agent("bob", Map.of("Sales Processing", 5), 2);
        alice.put("/api/agents/alice/presence", Map.of("state", "READY"));
        bob.put("/api/agents/bob/presence", Map.of("state", "READY"));

        String first = capture("F-1", "Gold", "Lead");
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(first)));
        String second = capture("F-2", "Gold", "Lead");
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(second)));

        assertThat(assigneeOf(first)).as("ready the longest").isEqualTo("alice");
        assertThat(assigneeOf(second)).as("idle longer than alice, who just got one").isEqualTo("bob");
    }

    /** Four routers at once (as four app nodes would) over the same items and agents. */
    @Test
    void concurrentRoutersNeverOfferAnItemTwiceNorOverfillAnAgent() throws Exception {
        int items = 40;
        int agents = 8;
        int capacity = 3;
        IntStream.range(0, items).forEach(i -> capture("C-" + i, "Gold", "Lead"));
        awaitQueued(items);
        for (int i = 0; i < agents; i++) {
            agent("agent" + i, Map.of("Sales Processing", 5), capacity);
        }
        // READY without the presence event, so that only the competing routers below hand out work
        jdbc.update("UPDATE agent SET presence = 'READY'");

        ExecutorService nodes = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> sweeps = new ArrayList<>();
        for (int node = 0; node < 4; node++) {
            sweeps.add(router::sweep);
        }
        int offered = 0;
        for (Future<Integer> result : nodes.invokeAll(sweeps)) {
            offered += result.get();
        }
        nodes.shutdown();
        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM work_item WHERE state = 'IN_PROGRESS'")
                == agents * capacity);

        assertThat(offered).isLessThanOrEqualTo(agents * capacity);
        assertThat(count("SELECT COUNT(*) FROM work_item WHERE state = 'QUEUED'")).isEqualTo(items - agents * capacity);
        assertThat(jdbc.queryForList("SELECT COUNT(*) FROM work_item WHERE assignee IS NOT NULL GROUP BY assignee",
                Integer.class)).hasSize(agents).allMatch(load -> load == capacity);
        assertThat(count("SELECT COUNT(*) FROM (SELECT work_item_id FROM work_item_event WHERE type = 'OFFERED' "
                + "GROUP BY work_item_id HAVING COUNT(*) > 1) doubles")).isZero();
        assertThat(count("SELECT COUNT(*) FROM work_item_event WHERE type = 'OFFERED'")).isEqualTo(agents * capacity);
        // the engine agrees with the projection: one task per offered item, assigned to the same agent
        var tasks = taskService.createTaskQuery().processDefinitionKey("work-item").list();
        assertThat(tasks).hasSize(agents * capacity);
        tasks.forEach(task -> assertThat(task.getAssignee()).isEqualTo(jdbc.queryForObject(
                "SELECT w.assignee FROM work_item w WHERE w.process_instance_id = ?", String.class,
                task.getProcessInstanceId())));
    }

    private String capture(String externalId, String segment, String requestType) {
        var response = sourceSystem("crm").post("/api/work-items",
                Map.of("externalId", externalId, "customerSegment", segment, "requestType", requestType));
        assertThat(response.status()).isEqualTo(201);
        return response.text("id");
    }

    private void awaitQueued(int expected) {
        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM work_item WHERE state = 'QUEUED'") == expected);
    }

    private String assigneeOf(String id) {
        return jdbc.queryForObject("SELECT assignee FROM work_item WHERE id = ?", String.class, id);
    }
}
