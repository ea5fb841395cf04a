package io.worklane.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.ErrorResponseException;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;
import io.worklane.routing.Router;

/**
 * An offer by the router and a transfer to the same agent at the same moment: the agent's row lock decides, so the
 * agent never holds more items than their capacity. Alice (Sales) holds the items to transfer; the Finance items
 * wait for agents of capacity 1 whom only the calls below fill (READY without the presence event).
 */
class SlotRaceIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int ROUNDS = 10;

    @Autowired
    private Router router;

    @Autowired
    private Handling handling;

    private final List<String> transferable = new ArrayList<>();
    /** Two of its own: the common pool may have one thread on a small machine, and both sides block. */
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @BeforeEach
    void aliceHoldsSalesItemsAndFinanceItemsWait() {
        transferable.clear();
        ApiClient alice = agent("alice", Map.of("Sales Processing", 8), ROUNDS);
        assertThat(alice.put("/api/agents/alice/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        for (int i = 0; i < ROUNDS; i++) {
            transferable.add(capture("RACE-S-" + i, "Lead"));
            capture("RACE-F-" + i, "Invoice");
        }
        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM work_item WHERE state = 'IN_PROGRESS' "
                + "AND assignee = 'alice'") == ROUNDS && count("SELECT COUNT(*) FROM work_item WHERE state = 'QUEUED'") == ROUNDS);
    }

    @Test
    void anOfferAndATransferAtTheSameMomentNeverOverfillTheAgent() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String agent = financeAgent("race" + round);
            String item = transferable.get(round);
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Optional<String>> offer = CompletableFuture.supplyAsync(() -> {
                meet(start);
                return router.offerNextItemTo(agent);
            }, threads);
            CompletableFuture<Integer> transfer = CompletableFuture.supplyAsync(() -> {
                meet(start);
                return transfer(item, agent);
            }, threads);
            boolean offered = offer.get(30, TimeUnit.SECONDS).isPresent();
            boolean transferred = transfer.get(30, TimeUnit.SECONDS) == 200;

            assertThat(slotsTaken(agent)).as("round %d", round).isOne();
            assertThat(offered).as("round %d: exactly one of them got the slot", round).isNotEqualTo(transferred);
            assertThat(assigneeOf(item)).isEqualTo(transferred ? agent : "alice");
            assertThat(stateOf(item)).isEqualTo("IN_PROGRESS");
        }
    }

    @Test
    void aTransferWaitsForTheRouterHoldingTheAgentAndIsThenRefused() throws Exception {
        String agent = financeAgent("held-by-router");
        String item = transferable.get(0);
        CountDownLatch offered = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Optional<String>> offer = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            Optional<String> result = router.offerNextItemTo(agent);
            offered.countDown();
            meet(commit);
            return result;
        }));
        assertThat(offered.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Integer> transfer = CompletableFuture.supplyAsync(() -> transfer(item, agent), threads);
        await().atMost(PATIENCE).alias("the transfer waits for the agent's row")
            .until(() -> count("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    + "AND query LIKE 'SELECT id FROM agent WHERE id = $1 FOR UPDATE%'") == 1);
        commit.countDown();

        assertThat(offer.get(30, TimeUnit.SECONDS)).isPresent();
        assertThat(transfer.get(30, TimeUnit.SECONDS)).isEqualTo(422);
        assertThat(slotsTaken(agent)).isOne();
        assertThat(assigneeOf(item)).isEqualTo("alice");
        assertThat(count("SELECT COUNT(*) FROM work_item_event WHERE work_item_id = ? AND type = 'TRANSFERRED'", item))
            .isZero();
    }

    @Test
    void theRouterPassesOverAnAgentATransferHoldsAndFindsThemFullAfterwards() throws Exception {
        String agent = financeAgent("held-by-transfer");
        String item = transferable.get(0);
        CountDownLatch transferred = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Integer> transfer = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            int result = transfer(item, agent);
            transferred.countDown();
            meet(commit);
            return result;
        }));
        assertThat(transferred.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(router.offerNextItemTo(agent)).as("the agent's row is held: skipped, not waited for").isEmpty();
        commit.countDown();
        assertThat(transfer.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(router.offerNextItemTo(agent)).as("full now").isEmpty();
        assertThat(slotsTaken(agent)).isOne();
        assertThat(assigneeOf(item)).isEqualTo(agent);
    }

    /** A Finance agent of capacity 1, READY without the presence event: only the calls of the test fill them. */
    private String financeAgent(String id) {
        agent(id, Map.of("Finance Processing", 8), 1);
        jdbc.update("UPDATE agent SET presence = 'READY' WHERE id = ?", id);
        return id;
    }

    /** Alice transfers the item over the service the API calls. @return the HTTP status it would answer */
    private int transfer(String item, String agent) {
        try {
            handling.act("alice", item, HandlingAction.TRANSFER_AGENT, new HandlingRequest(null, agent, null));
            return 200;
        }
        catch (ErrorResponseException e) {
            return e.getStatusCode().value();
        }
    }

    private int slotsTaken(String agent) {
        return count("SELECT COUNT(*) FROM work_item WHERE assignee = ? AND state IN ('OFFERED', 'IN_PROGRESS')", agent);
    }

    private String capture(String externalId, String requestType) {
        var response = sourceSystem("crm").post("/api/work-items",
                Map.of("externalId", externalId, "customerSegment", "Gold", "requestType", requestType));
        assertThat(response.status()).isEqualTo(201);
        return response.text("id");
    }

    private String assigneeOf(String id) {
        return jdbc.queryForObject("SELECT assignee FROM work_item WHERE id = ?", String.class, id);
    }

    private static void meet(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void meet(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
