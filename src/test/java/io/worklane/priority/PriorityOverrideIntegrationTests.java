package io.worklane.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/** A supervisor's priority for a queued item: recorded, first in the queue, back to the curve when it ends. */
class PriorityOverrideIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @Test
    void anOverrideLeadsTheQueueUntilItEndsThenTheCurveTakesOver() {
        department("sales", "Sales");
        department("finance", "Finance");
        ApiClient sofia = member("sofia-prio", "supervisors", "sales");
        ApiClient crm = sourceSystem("crm");
        String first = capture(crm, "PO-1");
        String second = capture(crm, "PO-2");
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(first)) && "QUEUED".equals(stateOf(second)));
        int curve = priorityOf(second);
        Instant until = Instant.now().plusSeconds(4);

        var overridden = sofia.put("/api/work-items/" + second + "/priority", Map.of("priority", 2500, "until",
                until.toString()));
        assertThat(overridden.status()).as("%s", overridden).isEqualTo(200);
        assertThat(overridden.body().path("priorityOverride").path("priority").asInt()).isEqualTo(2500);
        assertThat(overridden.body().path("priorityOverride").path("by").asText()).isEqualTo("sofia-prio");
        assertThat(priorityOf(second)).isEqualTo(2500);
        assertThat(supervisor().get("/api/queue").body().path("items").get(0).path("id").asText()).isEqualTo(second);
        assertThat(jdbc.queryForObject("SELECT actor_type || ':' || actor_id FROM work_item_event WHERE work_item_id = ? "
                + "AND type = 'PRIORITY_OVERRIDDEN'", String.class, second)).isEqualTo("SUPERVISOR:sofia-prio");

        await().atMost(PATIENCE).until(() -> priorityOf(second) == curve);
        assertThat(supervisor().get("/api/work-items/" + second).body().path("priorityOverride").isNull()).isTrue();
        assertThat(stateOf(second)).isEqualTo("QUEUED");
    }

    @Test
    void onlyAQueuedItemOfTheirDepartmentWithinItsBandAndUntilLaterIsOverridden() {
        department("sales", "Sales");
        department("finance", "Finance");
        ApiClient sofia = member("sofia-prio", "supervisors", "sales");
        ApiClient sam = member("sam-prio", "supervisors", "finance");
        ApiClient crm = sourceSystem("crm");
        String id = capture(crm, "PO-3");
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(id)));
        int before = priorityOf(id);

        assertThat(sam.put("/api/work-items/" + id + "/priority", Map.of("priority", 10)).status()).isEqualTo(404);
        assertThat(crm.put("/api/work-items/" + id + "/priority", Map.of("priority", 10)).status()).isEqualTo(404);
        assertThat(as("alice-prio", "agents").put("/api/work-items/" + id + "/priority", Map.of("priority", 10))
            .status()).isEqualTo(403);
        var outOfBand = sofia.put("/api/work-items/" + id + "/priority", Map.of("priority", 5000));
        assertThat(outOfBand.status()).isEqualTo(400);
        assertThat(outOfBand.text("detail")).contains("between 0 and 3000");
        assertThat(sofia.put("/api/work-items/" + id + "/priority", Map.of("priority", 10, "until",
                "2020-01-01T00:00:00Z")).status()).isEqualTo(400);
        assertThat(priorityOf(id)).as("nothing changed").isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM work_item_event WHERE work_item_id = ? AND type = 'PRIORITY_OVERRIDDEN'",
                id)).isZero();

        assertThat(sofia.put("/api/work-items/" + id + "/priority", Map.of("priority", 10)).status()).isEqualTo(200);
        assertThat(priorityOf(id)).isEqualTo(10);
        var cleared = sofia.delete("/api/work-items/" + id + "/priority");
        assertThat(cleared.status()).as("%s", cleared).isEqualTo(200);
        assertThat(priorityOf(id)).isEqualTo(before);
        assertThat(sofia.delete("/api/work-items/" + id + "/priority").status()).isEqualTo(409);

        assertThat(crm.post("/api/work-items/" + id + "/hold", null).status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "HELD".equals(stateOf(id)));
        var held = sofia.put("/api/work-items/" + id + "/priority", Map.of("priority", 10));
        assertThat(held.status()).isEqualTo(409);
        assertThat(held.text("detail")).contains("HELD");
    }

    private static String capture(ApiClient crm, String externalId) {
        var captured = crm.post("/api/work-items", Map.of("externalId", externalId, "requestType", "Lead",
                "customerSegment", "Gold"));
        assertThat(captured.status()).isEqualTo(201);
        return captured.text("id");
    }

    private int priorityOf(String id) {
        return jdbc.queryForObject("SELECT priority FROM work_item WHERE id = ?", Integer.class, id);
    }
}
