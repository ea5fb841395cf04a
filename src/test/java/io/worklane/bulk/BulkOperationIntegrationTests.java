package io.worklane.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/** A supervisor holds a whole filter: preview, a refused stale run, progress, the items it could not change. */
class BulkOperationIntegrationTests extends PostgresIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.transaction.PlatformTransactionManager transactionManager;

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aBulkHoldPreviewsRunsInTheBackgroundAndListsWhatItCouldNotChange() {
        department("sales", "Sales");
        department("finance", "Finance");
        ApiClient sofia = member("sofia-bulk", "supervisors", "sales");
        ApiClient sam = member("sam-bulk", "supervisors", "finance");
        ApiClient crm = sourceSystem("crm");
        List<String> sales = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            sales.add(crm.post("/api/work-items", Map.of("externalId", "BULK-" + i, "requestType", "Lead")).text("id"));
        }
        String finance = crm.post("/api/work-items", Map.of("externalId", "BULK-F", "requestType", "Invoice"))
            .text("id");
        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM work_item WHERE state = 'QUEUED'") == 14);
        String alreadyHeld = sales.get(0);
        assertThat(crm.post("/api/work-items/" + alreadyHeld + "/hold", null).status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "HELD".equals(stateOf(alreadyHeld)));
        Map<String, Object> filter = Map.of("state", List.of("QUEUED", "HELD"));

        var preview = sofia.post("/api/queue/bulk/preview", Map.of("query", filter));
        assertThat(preview.status()).as("%s", preview).isEqualTo(200);
        assertThat(preview.body().path("count").asLong()).as("Sales only").isEqualTo(13);

        var stale = sofia.post("/api/queue/bulk", Map.of("action", "HOLD", "query", filter, "expectedCount", 99));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("detail")).contains("holds 13 items now, not 99");
        assertThat(count("SELECT COUNT(*) FROM bulk_operation")).as("nothing started").isZero();
        assertThat(as("alice-bulk", "agents").post("/api/queue/bulk", Map.of("action", "HOLD", "query", filter))
            .status()).isEqualTo(403);

        var started = sofia.post("/api/queue/bulk", Map.of("action", "HOLD", "query", filter, "expectedCount", 13));
        assertThat(started.status()).as("%s", started).isEqualTo(202);
        assertThat(started.body().path("total").asInt()).isEqualTo(13);
        String operation = started.text("id");
        assertThat(started.headers().getLocation()).hasToString("/api/queue/bulk/" + operation);

        await().atMost(PATIENCE).until(() -> !sofia.get("/api/queue/bulk/" + operation).body().path("finishedAt")
            .isNull());
        JsonNode progress = sofia.get("/api/queue/bulk/" + operation).body();
        assertThat(progress.path("done").asInt()).isEqualTo(12);
        assertThat(progress.path("failed").asInt()).isOne();
        assertThat(progress.path("pending").asInt()).isZero();
        assertThat(progress.path("filter").path("state").toString()).contains("QUEUED", "HELD");
        assertThat(progress.path("requestedBy").asText()).isEqualTo("sofia-bulk");
        assertThat(progress.path("failures").get(0).path("workItemId").asText()).isEqualTo(alreadyHeld);
        assertThat(progress.path("failures").get(0).path("reason").asText()).contains("it is HELD");

        assertThat(count("SELECT COUNT(*) FROM work_item WHERE state = 'HELD' AND department = 'Sales'")).isEqualTo(13);
        assertThat(stateOf(finance)).as("another department's item").isEqualTo("QUEUED");
        assertThat(count("SELECT COUNT(*) FROM work_item_event WHERE type = 'HELD' AND actor_type = 'SUPERVISOR' "
                + "AND actor_id = 'sofia-bulk'")).isEqualTo(12);
        assertThat(sam.get("/api/queue/bulk/" + operation).status()).as("another supervisor's operation")
            .isEqualTo(404);

        var again = sofia.post("/api/queue/bulk", Map.of("action", "RESUME", "query", Map.of("state", "HELD")));
        assertThat(again.status()).as("no expectedCount: %s", again).isEqualTo(400);
        var resumed = sofia.post("/api/queue/bulk", Map.of("action", "RESUME", "query", Map.of("state", "HELD"),
                "expectedCount", 13));
        assertThat(resumed.status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM work_item WHERE state = 'QUEUED' "
                + "AND department = 'Sales'") == 13);
    }

    @Test
    void aBadActionOrFilterStartsNothing() {
        ApiClient olga = supervisor();
        assertThat(olga.post("/api/queue/bulk", Map.of("action", "EXPLODE", "query", Map.of())).status())
            .isEqualTo(400);
        assertThat(olga.post("/api/queue/bulk", Map.of("action", "HOLD", "query", Map.of("cursor", "x"),
                "expectedCount", 0)).status()).isEqualTo(400);
        assertThat(olga.post("/api/queue/bulk", Map.of("action", "SET_PRIORITY", "query", Map.of(), "expectedCount",
                0)).status()).isEqualTo(400);
        assertThat(olga.post("/api/queue/bulk/preview", Map.of("query", Map.of("state", List.of("NAPPING"))))
            .status()).isEqualTo(400);
        assertThat(olga.get("/api/queue/bulk/no-such-operation").status()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM bulk_operation WHERE requested_by = 'sofia'")).isZero();
    }

    @Test
    void aSupervisorRunsOneBulkOperationAtATime() {
        ApiClient olga = supervisor();
        String id = sourceSystem("crm").post("/api/work-items", Map.of("externalId", "BULK-ONE", "requestType", "Lead"))
            .text("id");
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(id)));
        var transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        var separately = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        separately.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transactions.executeWithoutResult(tx -> {
            // the item's row held here: the worker that takes the operation's item waits on it, unfinished
            jdbc.queryForList("SELECT id FROM work_item WHERE id = ? FOR UPDATE", id);
            separately.executeWithoutResult(inner -> {
                jdbc.update("INSERT INTO bulk_operation (id, action, parameters, filter, requested_by, requested_at, "
                        + "total) VALUES ('running', 'HOLD', '{}', '{}', 'sofia', now(), 1)");
                jdbc.update("INSERT INTO bulk_operation_item (operation_id, work_item_id, position, status) "
                        + "VALUES ('running', ?, 1, 'PENDING')", id);
            });
            var second = olga.post("/api/queue/bulk", Map.of("action", "HOLD", "query", Map.of(), "expectedCount", 1));
            assertThat(second.status()).as("%s", second).isEqualTo(409);
            assertThat(second.text("detail")).contains("still running");
        });
        assertThat(count("SELECT COUNT(*) FROM bulk_operation")).as("nothing else started").isOne();
        await().atMost(PATIENCE).until(() -> "HELD".equals(stateOf(id)));
    }
}
