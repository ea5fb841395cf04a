package io.worklane.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

class AgentDayIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void myDayCountsHandledItemsAnswersAndTimeInEachPresence() {
        ApiClient bob = agent("bob", Map.of("Sales Processing", 5), 2);
        assertThat(bob.put("/api/agents/bob/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        String item = sourceSystem("crm").post("/api/work-items",
                Map.of("externalId", "DAY-1", "requestType", "Lead", "customerSegment", "Gold")).text("id");
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(item)));
        String held = sourceSystem("crm").post("/api/work-items",
                Map.of("externalId", "DAY-2", "requestType", "Lead", "customerSegment", "Gold")).text("id");
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(held)));
        assertThat(bob.post("/api/agents/bob/items/" + item + "/done", Map.of()).status()).isEqualTo(200);

        // a day far enough from its start for an hour before (whatever the time the test runs at)
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ZoneOffset zone = ZoneOffset.UTC;
        for (int hours : new int[] { 0, -6, 6, -12, 12 }) {
            zone = ZoneOffset.ofHours(hours);
            if (LocalTime.ofInstant(now, zone).isAfter(LocalTime.of(3, 0))) {
                break;
            }
        }
        Instant dayStart = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        // the taken offer five minutes before done; one offer declined and one let time out today
        jdbc.update("UPDATE work_item_event SET occurred_at = ? WHERE work_item_id = ? AND type = 'OFFERED'",
                Timestamp.from(now.minusSeconds(300)), item);
        jdbc.update("UPDATE work_item_event SET occurred_at = ? WHERE work_item_id = ? AND type = 'DONE'",
                Timestamp.from(now), item);
        insertEvent(held, "DECLINED", now.minusSeconds(3000));
        insertEvent(held, "RONA", now.minusSeconds(2000));
        insertEvent(held, "DONE", dayStart.minusSeconds(60));

        // presence: in a meeting since yesterday, then ready, lunch, ready, RONA, logged out, ready until now
        jdbc.update("DELETE FROM agent_presence_change WHERE agent_id = 'bob'");
        insertPresence(null, null, "NOT_READY", "Meeting", dayStart.minusSeconds(3600));
        insertPresence("NOT_READY", "Meeting", "READY", null, now.minusSeconds(3600));
        insertPresence("READY", null, "NOT_READY", "Lunch", now.minusSeconds(2400));
        insertPresence("NOT_READY", "Lunch", "READY", null, now.minusSeconds(1800));
        insertPresence("READY", null, "NOT_READY", "RONA", now.minusSeconds(1200));
        insertPresence("NOT_READY", "RONA", "LOGGED_OUT", null, now.minusSeconds(900));
        insertPresence("LOGGED_OUT", null, "READY", null, now.minusSeconds(600));

        var day = bob.get("/api/agents/bob/day?zone=" + zone.getId().replace("+", "%2B"));
        assertThat(day.status()).isEqualTo(200);
        var body = day.body();
        assertThat(body.path("date").asText()).isEqualTo(LocalDate.ofInstant(now, zone).toString());
        assertThat(body.path("handled").asLong()).isOne();
        assertThat(body.path("averageHandleSeconds").asLong()).isEqualTo(300);
        assertThat(body.path("accepted").asLong()).as("two automatic offers").isEqualTo(2);
        assertThat(body.path("declined").asLong()).isOne();
        assertThat(body.path("rona").asLong()).isOne();
        long late = Duration.between(now, Instant.now()).toSeconds() + 2;
        assertThat(body.path("readySeconds").asLong()).isBetween(1200L + 600 + 600, 2400 + late);
        assertThat(body.path("notReadySeconds").path("Lunch").asLong()).isEqualTo(600);
        assertThat(body.path("notReadySeconds").path("RONA").asLong()).isEqualTo(300);
        assertThat(body.path("notReadySeconds").path("Meeting").asLong())
            .isEqualTo(Duration.between(dayStart, now.minusSeconds(3600)).toSeconds());
        assertThat(body.path("loggedOutSeconds").asLong()).isEqualTo(300);
        assertThat(body.path("load").path("workitem").path("items").asLong()).isOne();
        assertThat(body.path("load").path("workitem").path("capacity").asInt()).isEqualTo(2);

        agent("carol", Map.of("Finance Processing", 8), 1);
        assertThat(as("carol").get("/api/agents/bob/day").status()).isEqualTo(403);
        assertThat(supervisor().get("/api/agents/bob/day").status()).isEqualTo(200);
        assertThat(bob.get("/api/agents/bob/day?zone=Mars/Olympus").status()).isEqualTo(400);
    }

    private void insertEvent(String item, String type, Instant at) {
        jdbc.update("INSERT INTO work_item_event (work_item_id, type, state, actor_type, actor_id, agent_id, occurred_at) "
                + "VALUES (?, ?, 'QUEUED', 'AGENT', 'bob', 'bob', ?)", item, type, Timestamp.from(at));
    }

    private void insertPresence(String from, String fromReason, String to, String toReason, Instant at) {
        jdbc.update("INSERT INTO agent_presence_change (agent_id, from_state, from_reason, to_state, to_reason, "
                + "changed_at, changed_by) VALUES ('bob', ?, ?, ?, ?, ?, 'test')", from, fromReason, to, toReason,
                Timestamp.from(at));
    }
}
