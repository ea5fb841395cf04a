package io.worklane.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;
import io.worklane.TestContextSources;

/**
 * A source configured with {@code refresh-on-reprioritization} is asked again at each step of the item's priority
 * schema: a customer who became VIP meanwhile gets the VIP service level from that step on.
 */
class ContextRefreshIntegrationTests extends PostgresIntegrationTest {

    private static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");

    @AfterEach
    void realTimeAndNoSegments() throws SQLException {
        ClockUtil.reset();
        segments("DELETE FROM customer_segment");
    }

    @Test
    void aPriorityStepAsksTheRefreshingSourceAgainAndTheNewSegmentRaisesThePriority() throws SQLException {
        ClockUtil.setCurrentTime(Date.from(T0));
        ApiClient crm = sourceSystem("crm");
        String id = crm.post("/api/work-items", Map.of("externalId", "UP-1", "requestType", "Lead",
                "customerId", "C-UPGRADE")).text("id");
        var queued = await().atMost(Duration.ofSeconds(30)).until(() -> crm.get("/api/work-items/" + id),
                item -> "QUEUED".equals(item.text("state")));
        assertThat(queued.text("prioritySchema")).isEqualTo("Default");
        assertThat(queued.body().path("priority").asInt()).isEqualTo(100);

        segments("INSERT INTO customer_segment VALUES ('C-UPGRADE', 'VIP')");
        ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofMinutes(31))));

        var upgraded = await().atMost(Duration.ofSeconds(30)).until(() -> crm.get("/api/work-items/" + id),
                item -> "VIP".equals(item.text("customerSegment")) && item.body().path("priority").asInt() > 100);
        assertThat(upgraded.body().path("contextData").path("customerSegment").asText()).isEqualTo("VIP");
        assertThat(upgraded.text("prioritySchema")).isEqualTo("Gold");
        assertThat(upgraded.body().path("priority").asInt()).as("Sales VIP starts at 800").isEqualTo(800);
        assertThat(Instant.parse(upgraded.text("dueAt"))).as("the due date stays")
            .isEqualTo(Instant.parse(queued.text("dueAt")));
        assertThat(jdbc.queryForList("SELECT type FROM work_item_event WHERE work_item_id = ? ORDER BY id",
                String.class, id)).containsSubsequence("QUEUED", "CONTEXT_LOOKED_UP", "REPRIORITIZED");
    }

    private static void segments(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestContextSources.LOYALTY_DB, "sa", "")) {
            connection.createStatement().execute(sql);
        }
    }
}
