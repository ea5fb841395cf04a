package io.worklane.workitem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.worklane.PostgresIntegrationTest;

/** The row lock reads the row as it is when locked, even after this transaction read it without the lock. */
class WorkItemRowLockIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    private WorkItems workItems;

    @Test
    void aLockAfterAnUnlockedReadSeesWhatAnotherTransactionCommittedMeanwhile() {
        String id = sourceSystem("crm").post("/api/work-items", Map.of("externalId", "LOCK-1", "requestType", "Lead"))
            .text("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "QUEUED".equals(stateOf(id)));

        int locked = transactions.execute(status -> {
            int read = workItems.find(id).orElseThrow().priority();
            // another transaction, committed before this one locks
            CompletableFuture.runAsync(() -> jdbc.update("UPDATE work_item SET priority = ? WHERE id = ?", read + 4242,
                    id)).join();
            return workItems.lock(id).orElseThrow().priority();
        });

        assertThat(locked).isEqualTo(count("SELECT priority FROM work_item WHERE id = ?", id));
        assertThat(workItems.find(id).orElseThrow().priority()).isEqualTo(locked);
    }
}
