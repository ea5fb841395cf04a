package io.worklane.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.worklane.PostgresIntegrationTest;

/**
 * An item queued while its only agent's row is held (another offer to that agent, reading the queue before the item
 * was in it) is offered once the row is free, without waiting for the sweep (an hour in the tests).
 */
class BusyAgentRetryIntegrationTests extends PostgresIntegrationTest {

    @Test
    void anItemQueuedWhileItsAgentIsHeldReachesThemWhenTheyAreFree() throws Exception {
        agent("hana", Map.of("Sales Processing", 8), 3);
        jdbc.update("UPDATE agent SET presence = 'READY' WHERE id = 'hana'");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            jdbc.queryForList("SELECT id FROM agent WHERE id = 'hana' FOR UPDATE", String.class);
            held.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

        var response = sourceSystem("crm").post("/api/work-items",
                Map.of("externalId", "BUSY-1", "customerSegment", "Gold", "requestType", "Lead"));
        assertThat(response.status()).isEqualTo(201);
        String item = response.text("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> !"CAPTURED".equals(stateOf(item)));
        // the item's own routing attempt has passed over the held agent by now
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> "QUEUED".equals(stateOf(item)));

        release.countDown();
        holder.get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> "IN_PROGRESS".equals(stateOf(item)));
        assertThat(jdbc.queryForObject("SELECT assignee FROM work_item WHERE id = ?", String.class, item))
            .isEqualTo("hana");
    }
}
