package io.worklane.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/** Saved queue filters belong to the supervisor who saved them, hold only the page's parameters. */
class SavedFilterIntegrationTests extends PostgresIntegrationTest {

    @Test
    void aSupervisorSavesReplacesListsAndDeletesTheirOwnFilters() {
        jdbc.update("DELETE FROM queue_filter");
        ApiClient sofia = as("sofia-filters", "supervisors");
        ApiClient sam = as("sam-filters", "supervisors");

        var saved = sofia.put("/api/queue/filters/Overdue leads", Map.of("query",
                Map.of("state", List.of("QUEUED", "PARKED"), "overdue", "true", "sort", "due")));
        assertThat(saved.status()).as("%s", saved).isEqualTo(201);
        assertThat(sofia.put("/api/queue/filters/Overdue leads", Map.of("query", Map.of("sort", "captured")))
            .status()).isEqualTo(200);
        var mine = sofia.get("/api/queue/filters").body();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("query").path("sort").asText()).isEqualTo("captured");
        assertThat(sam.get("/api/queue/filters").body()).as("another supervisor's list").isEmpty();
        assertThat(sam.delete("/api/queue/filters/Overdue leads").status()).isEqualTo(404);

        var cursor = sofia.put("/api/queue/filters/x", Map.of("query", Map.of("cursor", "abc")));
        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.text("detail")).contains("'cursor' is no queue filter");
        assertThat(sofia.put("/api/queue/filters/x", Map.of("query", Map.of("overdue", Map.of("a", 1)))).status())
            .isEqualTo(400);
        assertThat(as("alice-filters", "agents").get("/api/queue/filters").status()).isEqualTo(403);

        assertThat(sofia.delete("/api/queue/filters/Overdue leads").status()).isEqualTo(204);
        assertThat(sofia.get("/api/queue/filters").body()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM queue_filter")).isZero();
    }
}
