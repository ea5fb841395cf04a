package io.worklane.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/** Idempotent capture under load: every external id sent by eight clients at once gives exactly one item. */
class DuplicateCaptureIntegrationTests extends PostgresIntegrationTest {

    @Test
    void eightClientsCapturingTheSameItemsCreateEachItemOnce() throws Exception {
        int clients = 8;
        int items = 200;
        ApiClient crm = sourceSystem("crm");
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Callable<List<Integer>>> work = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            work.add(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < items; i++) {
                    statuses.add(crm.post("/api/work-items", Map.of("externalId", "DUP-" + i)).status());
                }
                return statuses;
            });
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> result : pool.invokeAll(work)) {
            statuses.addAll(result.get());
        }
        pool.shutdown();

        assertThat(statuses).hasSize(clients * items).allMatch(status -> status == 200 || status == 201);
        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(items);
        assertThat(count("SELECT COUNT(*) FROM work_item")).isEqualTo(items);
        assertThat(count("SELECT COUNT(DISTINCT external_id) FROM work_item")).isEqualTo(items);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("work-item").count())
            .isEqualTo(items);
        assertThat(count("SELECT COUNT(*) FROM work_item_event WHERE type = 'CAPTURED'")).isEqualTo(items);
    }
}
