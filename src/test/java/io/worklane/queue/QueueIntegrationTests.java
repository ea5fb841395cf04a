package io.worklane.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

class QueueIntegrationTests extends PostgresIntegrationTest {

    @Test
    void theQueueListsItemsInDistributionOrderAndFilters() {
        ApiClient crm = sourceSystem("crm");
        crm.post("/api/work-items", Map.of("externalId", "Q-1", "customerSegment", "Bronze", "requestType", "Lead"));
        crm.post("/api/work-items", Map.of("externalId", "Q-2", "customerSegment", "Gold", "requestType", "Lead"));
        crm.post("/api/work-items", Map.of("externalId", "Q-3", "customerSegment", "Gold", "requestType", "Invoice"));
        crm.post("/api/work-items", Map.of("externalId", "Q-4", "priority", 900, "requestType", "Lead"));
        await().atMost(Duration.ofSeconds(20))
            .until(() -> count("SELECT COUNT(*) FROM work_item WHERE state = 'QUEUED'") == 4);

        var queue = supervisor().get("/api/queue").body().path("items");
        assertThat(externalIds(queue)).containsExactly("Q-4", "Q-2", "Q-3", "Q-1");
        assertThat(queue.get(0).path("position").asInt()).isOne();
        assertThat(queue.get(0).path("priority").asInt()).as("the source's priority wins").isEqualTo(900);
        assertThat(queue.get(0).path("overdue").asBoolean()).isFalse();

        assertThat(externalIds(supervisor().get("/api/queue?department=Finance").body().path("items")))
            .containsExactly("Q-3");
        assertThat(externalIds(supervisor().get("/api/queue?skill=Sales Processing&limit=2").body().path("items")))
            .containsExactly("Q-4", "Q-2");
    }

    @Test
    void theQueueIsForSupervisorsAndPagesSensibly() {
        var tooMany = supervisor().get("/api/queue?limit=501");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.contentType()).isEqualTo("application/problem+json");
        assertThat(supervisor().get("/api/queue?limit=0").status()).isEqualTo(400);
        assertThat(as("alice", "agents").get("/api/queue").status()).isEqualTo(403);
        assertThat(sourceSystem("crm").get("/api/queue").status()).isEqualTo(403);
    }

    private static List<String> externalIds(com.fasterxml.jackson.databind.JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("externalId").asText()));
        return ids;
    }
}
