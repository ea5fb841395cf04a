package io.worklane.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/** Who gets what, and never too much: ties by age and by idle time, capacity, and four routers under load. */
class RouterFairnessIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Map<String, Integer> SELLER = Map.of("Sales Processing", 5);

    @Autowired
    private Router router;

    @Autowired
    private TaskService taskService;

    @Autowired
    @Qualifier(RoutingConfiguration.EXECUTOR)
    private ThreadPoolTaskExecutor routingExecutor;

    @Autowired
    private RoutingTriggers triggers;

    private RoutingLoad load;

    @BeforeEach
    void load() {
        load = new RoutingLoad(runtimeService, jdbc, routingExecutor, triggers);
    }

    /** Leftovers of an aborted run on a kept database would time the base class's clean-up out. */
    @BeforeAll
    static void deleteLeftovers(@Autowired RuntimeService runtimeService) throws Exception {
        RoutingLoad.deleteAllInstances(runtimeService);
    }

    @AfterEach
    void deleteTheLoad() throws Exception {
        long start = System.nanoTime();
        int deleted = RoutingLoad.deleteAllInstances(runtimeService);
        System.out.printf("router.cleanup instances=%d ms=%d%n", deleted, ms(start, System.nanoTime()));
    }

    @Test
    void itemsOfEqualPriorityGoOutOldestQueuedFirst() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(capture("AGE-" + i));
            load.awaitQueued(i + 1, PATIENCE);
        }
        assertThat(jdbc.queryForList("SELECT DISTINCT priority FROM work_item", Integer.class)).hasSize(1);
        assertThat(jdbc.queryForList("SELECT id FROM work_item ORDER BY queued_at", String.class))
            .containsExactlyElementsOf(items);

        ready(agent("bob", SELLER, 1), "bob");
        for (String oldest : items) {
            await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(oldest)));
            assertThat(router.sweep()).as("bob is full").isZero();
            assertThat(held("bob")).isOne();
            markDone(oldest);
        }
        assertThat(jdbc.queryForList("SELECT work_item_id FROM work_item_event WHERE type = 'OFFERED' ORDER BY id",
                String.class)).containsExactlyElementsOf(items);
        assertThat(count("SELECT COUNT(*) FROM work_item WHERE state = 'COMPLETED'")).isEqualTo(items.size());
    }

    /** New items arrive one by one: each goes to the ready agent idle the longest, so the three take turns. */
    @Test
    void eachNewItemGoesToTheLongestIdleAgentSoThreeAgentsShareSixItemsTwoEach() {
        for (String id : List.of("ann", "ben", "cal")) {
            ready(agent(id, SELLER, 2), id);
        }
        // each READY is handled after commit on the routing executor: let all three land before the first item
        load.awaitRoutingIdle();
        List<String> assignees = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String item = capture("TURN-" + i);
            await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(item)));
            assignees.add(assigneeOf(item));
        }
        assertThat(assignees).containsExactly("ann", "ben", "cal", "ann", "ben", "cal");
        assertThat(load.heldPerAgent()).containsExactly(2, 2, 2);
    }

    /** The idle order is the router's own: last offer, else READY since (RoutingRepository READY_AGENTS). */
    @Test
    void theRouterServesReadyAgentsInTheOrderOfTheirLastOffer() {
        for (String id : List.of("ann", "ben", "cal")) {
            agent(id, SELLER, 2);
        }
        List<String> items = IntStream.range(0, 6).mapToObj(i -> capture("IDLE-" + i)).toList();
        load.awaitQueued(6, PATIENCE);
        load.awaitRoutingIdle();
        jdbc.update("UPDATE agent SET presence = 'READY', presence_since = now() - interval '1 hour'");
        jdbc.update("UPDATE agent SET last_assigned_at = now() - (? * interval '1 minute') WHERE id = ?", 20, "ann");
        jdbc.update("UPDATE agent SET last_assigned_at = now() - (? * interval '1 minute') WHERE id = ?", 10, "ben");
        jdbc.update("UPDATE agent SET last_assigned_at = now() - (? * interval '1 minute') WHERE id = ?", 30, "cal");

        // queued in parallel by the job executor, two may share a millisecond (the engine clock's): id breaks the tie
        List<String> byQueueOrder = jdbc.queryForList("SELECT id FROM work_item ORDER BY queued_at, id", String.class);
        assertThat(byQueueOrder).containsExactlyInAnyOrderElementsOf(items);
        byQueueOrder.forEach(router::route);

        assertThat(byQueueOrder.stream().map(this::assigneeOf)).containsExactly("cal", "ann", "ben", "cal", "ann", "ben");
        assertThat(load.heldPerAgent()).containsExactly(2, 2, 2);
    }

    /** Idle time counts from the agent's last freed slot too, not only from their last offer. */
    @Test
    void anAgentWhoJustFinishedIsNotIdlerThanOneWhoHasBeenWaiting() {
        ready(agent("ann", SELLER, 1), "ann");
        String first = capture("FREE-1");
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(first)));
        ready(agent("ben", SELLER, 1), "ben");
        markDone(first);
        load.awaitRoutingIdle();

        String second = capture("FREE-2");
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(second)));
        assertThat(assigneeOf(second)).as("ben has been free since before ann finished").isEqualTo("ben");
    }

    /** Capacities 1..3; the MANUAL agents' items stay OFFERED and count against capacity as IN_PROGRESS does. */
    @Test
    void noAgentHoldsMoreThanItsCapacityAndEachIsFilledWhileItemsLast() {
        Map<String, Integer> capacities = new LinkedHashMap<>();
        IntStream.rangeClosed(1, 3).forEach(c -> capacities.put("auto" + c, c));
        IntStream.rangeClosed(1, 3).forEach(c -> capacities.put("manual" + c, c));
        capacities.forEach((id, capacity) -> {
            as(id, "agents");
            assertThat(supervisor().put("/api/agents/" + id, Map.of("displayName", id, "skills", SELLER, "capacity",
                    Map.of("workitem", capacity), "answerMode", id.startsWith("manual") ? "MANUAL" : "AUTO")).status())
                .isEqualTo(201);
        });
        IntStream.range(0, 15).forEach(i -> capture("CAP-" + i));
        load.awaitQueued(15, PATIENCE);

        // the presence events fill the agents on the routing executor while this thread sweeps as well
        capacities.keySet().forEach(id -> ready(withPassword(id, id), id));
        settle();
        capacities.forEach((id, capacity) -> assertThat(held(id)).as(id).isEqualTo(capacity));
        assertThat(count("SELECT COUNT(*) FROM work_item WHERE state = 'OFFERED'")).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM work_item WHERE state = 'QUEUED'")).isEqualTo(15 - 12);

        assertThat(supervisor().put("/api/agents/auto1", Map.of("displayName", "auto1", "skills", SELLER, "capacity",
                Map.of("workitem", 4))).status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> held("auto1") == 4);
        settle();
        assertThat(count("SELECT COUNT(*) FROM work_item WHERE state = 'QUEUED'")).isZero();
        capacities.put("auto1", 4);
        capacities.forEach((id, capacity) -> assertThat(held(id)).as(id).isEqualTo(capacity));
        assertThat(count("SELECT COUNT(*) FROM (SELECT work_item_id FROM work_item_event WHERE type = 'OFFERED' "
                + "GROUP BY work_item_id HAVING COUNT(*) > 1) doubles")).isZero();
    }

    /**
     * Four routers (as four nodes) hand 200 real items to 10 agents of capacity 20 at once: each agent's row is
     * contended by all four. (RouterBenchmark hands out real items among a million queued ones.)
     */
    @Test
    void fourRoutersHandTwoHundredItemsToTenAgentsWithoutADoubleAssignment() throws Exception {
        int items = 200;
        int capacity = 20;
        List<String> agents = IntStream.range(0, 10).mapToObj(i -> String.format("load%02d", i)).toList();
        load.insertAgents(agents, "Sales Processing", 5, capacity);

        long start = System.nanoTime();
        load.startLeads("LOAD-", items, 4);
        long started = System.nanoTime();
        load.awaitQueued(items, Duration.ofMinutes(5));
        long queued = System.nanoTime();
        assertThat(runtimeService.createExecutionQuery().activityId("Activity_WaitForAgent").count()).isEqualTo(items);
        load.awaitRoutingIdle();
        assertThat(count("SELECT COUNT(*) FROM work_item_event WHERE type = 'OFFERED'")).isZero();
        // the test server runs without autovacuum: without statistics the planner guesses badly after a bulk load
        jdbc.execute("ANALYZE work_item, agent, agent_skill, agent_capacity, act_ru_execution");

        agents.forEach(load::ready);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        List<Callable<Integer>> nodes = new ArrayList<>();
        for (int node = 0; node < 4; node++) {
            nodes.add(() -> {
                int offered = 0;
                while (load.queued() > 0 && Instant.now().isBefore(deadline)) {
                    offered += router.sweep();
                }
                return offered;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Integer> offeredByNode = new ArrayList<>();
        for (Future<Integer> node : pool.invokeAll(nodes)) {
            offeredByNode.add(node.get());
        }
        pool.shutdown();
        long routed = System.nanoTime();

        int offered = offeredByNode.stream().mapToInt(Integer::intValue).sum();
        System.out.printf("router.load items=%d agents=%d started_ms=%d queued_ms=%d routed_ms=%d offers_per_s=%.0f "
                + "offers_by_node=%s offered_events=%d%n", items, agents.size(), ms(start, started), ms(started, queued),
                ms(queued, routed), offered * 1000.0 / ms(queued, routed), offeredByNode,
                count("SELECT COUNT(*) FROM work_item_event WHERE type = 'OFFERED'"));

        assertThat(load.queued()).isZero();
        assertThat(offered).isEqualTo(items);
        assertThat(count("SELECT COUNT(*) FROM work_item_event WHERE type = 'OFFERED'")).isEqualTo(items);
        assertThat(count("SELECT COUNT(DISTINCT work_item_id) FROM work_item_event WHERE type = 'OFFERED'")).isEqualTo(items);
        assertThat(count("SELECT COUNT(*) FROM work_item WHERE assignee IS NOT NULL AND state = 'IN_PROGRESS'"))
            .isEqualTo(items);
        assertThat(load.heldPerAgent()).hasSize(agents.size()).allMatch(held -> held == capacity);
        // the engine agrees: one handling task per item, assigned to the row's assignee
        assertThat(count("SELECT COUNT(*) FROM act_ru_task t JOIN work_item w ON w.process_instance_id = t.proc_inst_id_ "
                + "WHERE t.task_def_key_ = 'Activity_HandleWorkItem' AND t.assignee_ = w.assignee")).isEqualTo(items);
        assertThat(count("SELECT COUNT(*) FROM act_ru_task WHERE assignee_ LIKE 'load%'")).isEqualTo(items);
    }

    private void settle() {
        await().atMost(PATIENCE).until(() -> router.sweep() == 0 && triggers.pendingRetries() == 0
                && routingExecutor.getActiveCount() == 0 && routingExecutor.getThreadPoolExecutor().getQueue().isEmpty());
    }

    private void markDone(String item) {
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM work_item WHERE id = ?", String.class, item);
        taskService.complete(taskService.createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey("Activity_HandleWorkItem")
            .singleResult()
            .getId());
    }

    private String capture(String externalId) {
        var response = sourceSystem("crm").post("/api/work-items",
                Map.of("externalId", externalId, "customerSegment", "Gold", "requestType", "Lead"));
        assertThat(response.status()).isEqualTo(201);
        return response.text("id");
    }

    private void ready(ApiClient agent, String id) {
        assertThat(agent.put("/api/agents/" + id + "/presence", Map.of("state", "READY")).status()).isEqualTo(200);
    }

    private int held(String agent) {
        return count("SELECT COUNT(*) FROM work_item WHERE assignee = ? AND state IN ('OFFERED', 'IN_PROGRESS')", agent);
    }

    private String assigneeOf(String id) {
        return jdbc.queryForObject("SELECT assignee FROM work_item WHERE id = ?", String.class, id);
    }

    private static long ms(long fromNanos, long toNanos) {
        return Duration.ofNanos(toNanos - fromNanos).toMillis();
    }
}
