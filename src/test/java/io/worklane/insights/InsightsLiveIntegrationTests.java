package io.worklane.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/** Facts kept as the application works, the live figures, the Prometheus endpoint and the retention. */
class InsightsLiveIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    private FactFolder folder;

    @Autowired
    private LiveMetrics metrics;

    @Autowired
    private FactRetention retention;

    @Test
    void aCapturedItemAndAPresenceChangeReachTheFactsAndTheWallboard() {
        ApiClient lena = agent("lena", Map.of("Nothing Matches", 5), 1);
        assertThat(lena.put("/api/agents/lena/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        assertThat(lena.put("/api/agents/lena/presence", Map.of("state", "NOT_READY", "reason", "Lunch")).status())
            .isEqualTo(200);
        var captured = sourceSystem("crm-live").post("/api/work-items", Map.of("externalId", "LIVE-1", "requestType",
                "Lead", "customerSegment", "Gold", "dealValue", 250));
        assertThat(captured.status()).isEqualTo(201);
        String id = captured.text("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "QUEUED".equals(stateOf(id)));
        String department = jdbc.queryForObject("SELECT department FROM work_item WHERE id = ?", String.class, id);
        assertThat(jdbc.queryForObject("SELECT department FROM work_item_event WHERE work_item_id = ? AND type = 'QUEUED'",
                String.class, id)).as("the event carries what reports group by").isEqualTo(department);

        Folding.foldEverything(folder, jdbc);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode volume = supervisor().get("/api/reports/process-volume?grain=total&from=" + today + "&to=" + today
                + "&department=" + department).body();
        assertThat(volume.path("rows")).hasSize(1);
        assertThat(volume.path("rows").get(0).path("new").asLong()).isEqualTo(1);
        assertThat(volume.path("rows").get(0).path("queued").asLong()).isEqualTo(1);
        JsonNode value = supervisor().get("/api/reports/capture-point-business-value?grain=total&from=" + today + "&to="
                + today).body();
        assertThat(value.path("rows").get(0).path("valueCaptured").decimalValue()).isEqualByComparingTo("250");

        JsonNode queue = supervisor().get("/api/reports/live/queue").body();
        JsonNode row = queue.path("rows").findParents("department").stream()
            .filter(r -> r.path("department").asText().equals(department)).findFirst().orElseThrow();
        assertThat(row.path("queuedNow").asLong()).isEqualTo(1);
        assertThat(row.path("arrivalsLast15Minutes").asLong()).isEqualTo(1);
        assertThat(row.path("arrivalsToday").asLong()).isEqualTo(1);
        JsonNode agents = supervisor().get("/api/reports/live/agents").body();
        JsonNode agent = agents.path("rows").findParents("agentId").stream()
            .filter(a -> a.path("agentId").asText().equals("lena")).findFirst().orElseThrow();
        assertThat(agent.path("state").asText()).isEqualTo("NOT_READY");
        assertThat(agent.path("reason").asText()).isEqualTo("Lunch");
        assertThat(agent.path("notReadySecondsToday").has("Lunch")).isTrue();
        assertThat(count("SELECT COUNT(*) FROM agent_presence_change WHERE agent_id = 'lena'")).isEqualTo(3);
        JsonNode team = agents.path("teams").get(0);
        assertThat(team.path("team").asText()).isEqualTo("(no team)");
        assertThat(team.path("agents").asLong()).isEqualTo(1);
        assertThat(team.path("notReady").asLong()).isEqualTo(1);
    }

    @Test
    void prometheusReadsTheLiveFiguresWithItsOwnAccountOnly() {
        var captured = sourceSystem("crm-live").post("/api/work-items", Map.of("externalId", "LIVE-2", "requestType",
                "Lead", "customerSegment", "Gold"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "QUEUED".equals(stateOf(captured.text("id"))));
        agent("max", Map.of("Nothing Matches", 5), 1);
        metrics.refresh();
        assertThat(anonymous().getText("/actuator/prometheus", MediaType.TEXT_PLAIN)).startsWith("401");
        assertThat(supervisor().getText("/actuator/prometheus", MediaType.TEXT_PLAIN)).startsWith("403");
        String scraped = withPassword("prometheus", "scrape-secret").getText("/actuator/prometheus",
                MediaType.TEXT_PLAIN);
        assertThat(scraped).startsWith("200");
        assertThat(scraped).containsPattern("worklane_queue_depth\\{department=\"[^\"]+\",process=\"[^\"]+\",?\\} 1\\.0");
        assertThat(scraped).contains("worklane_queue_oldest_wait_seconds{")
            .containsPattern("worklane_agents\\{reason=\"\",state=\"[A-Z_]+\",?\\} 1\\.0");
        assertThat(withPassword("prometheus", "scrape-secret").get("/api/queue").status()).as("metrics only")
            .isEqualTo(403);
    }

    @Test
    void factsPastTheRetentionGoButTheBacklogTheyCarryStays() {
        LocalDate longAgo = LocalDate.now(ZoneOffset.UTC).minusMonths(14);
        new ScriptedDay(jdbc, longAgo).write();
        Folding.foldEverything(folder, jdbc);
        assertThat(count("SELECT COUNT(*) FROM report_fact WHERE period_start > TIMESTAMP '1970-01-02'")).isPositive();
        retention.dropExpired();
        assertThat(count("SELECT COUNT(*) FROM report_fact WHERE period_start > TIMESTAMP '1970-01-02'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM report_duration")).isZero();
        assertThat(count("SELECT COUNT(*) FROM report_presence")).isZero();
        // the two items still open
        assertThat(count("SELECT SUM(backlog_change) FROM report_fact WHERE grain = 'D' AND department = 'Sales'"))
            .isEqualTo(2);
        assertThat(count("SELECT SUM(backlog_day_old_change) FROM report_fact WHERE grain = 'I' AND department = 'Sales'"))
            .isEqualTo(2);
    }
}
