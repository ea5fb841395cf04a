package io.worklane.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/**
 * Several workers (as on several nodes) on one bulk operation, on PostgreSQL: each item is taken by exactly one of
 * them and changed once; none fails because another got there first.
 */
class BulkWorkerConcurrencyIntegrationTests extends PostgresIntegrationTest {

    private static final int ITEMS = 60;
    private static final int WORKERS = 4;

    @Autowired
    private BulkWorker worker;

    @Test
    void fourWorkersHoldEachItemExactlyOnce() throws Exception {
        department("sales", "Sales");
        ApiClient sofia = member("sofia-workers", "supervisors", "sales");
        ApiClient crm = sourceSystem("crm");
        for (int i = 0; i < ITEMS; i++) {
            crm.post("/api/work-items", Map.of("externalId", "BW-" + i, "requestType", "Lead"));
        }
        await().atMost(Duration.ofSeconds(60))
            .until(() -> count("SELECT COUNT(*) FROM work_item WHERE state = 'QUEUED'") == ITEMS);

        var started = sofia.post("/api/queue/bulk", Map.of("action", "HOLD", "query", Map.of(), "expectedCount", ITEMS));
        assertThat(started.status()).as("%s", started).isEqualTo(202);
        String operation = started.text("id");
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Callable<Void>> workers = java.util.stream.IntStream.range(0, WORKERS).<Callable<Void>>mapToObj(n -> () -> {
                while (count("SELECT COUNT(*) FROM bulk_operation_item WHERE status = 'PENDING'") > 0) {
                    worker.next();
                }
                return null;
            }).toList();
            for (Future<Void> done : pool.invokeAll(workers)) {
                done.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30))
            .until(() -> !sofia.get("/api/queue/bulk/" + operation).body().path("finishedAt").isNull());

        var progress = sofia.get("/api/queue/bulk/" + operation).body();
        assertThat(progress.path("done").asInt()).isEqualTo(ITEMS);
        assertThat(progress.path("failed").asInt()).as("%s", progress.path("failures")).isZero();
        assertThat(count("SELECT COUNT(*) FROM work_item WHERE state = 'HELD'")).isEqualTo(ITEMS);
        assertThat(count("SELECT COUNT(*) FROM work_item_event WHERE type = 'HELD' AND actor_id = 'sofia-workers'"))
            .as("each item held once").isEqualTo(ITEMS);
    }
}
