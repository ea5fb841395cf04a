package io.worklane.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;
import io.worklane.routing.Router;

/**
 * The load people see (the agent, My day, the agents board, the wallboard) is the load the router decides by, with
 * a parked item taking a slot or not as configured: run once per setting by the two subclasses.
 */
abstract class SlotLoadScenario extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private Router router;

    /** worklane.workbin.parked-items-count-against-capacity in this context */
    abstract boolean parkedItemsTakeASlot();

    @Test
    void theDisplayedLoadIsTheLoadTheRouterFillsUpTo() {
        ApiClient alice = agent("alice", Map.of("Sales Processing", 8), 2);
        assertThat(alice.put("/api/agents/alice/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        String parked = capture("LOAD-1");
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(parked)));
        assertThat(alice.post("/api/agents/alice/items/" + parked + "/park", null).status()).isEqualTo(200);
        long parkedTaking = parkedItemsTakeASlot() ? 1 : 0;
        assertThat(displayedLoads(alice)).as("the parked item").containsOnly(parkedTaking);

        // the router fills alice up to her capacity as it counts: one or two more items
        List<String> more = List.of(capture("LOAD-2"), capture("LOAD-3"), capture("LOAD-4"));
        long offered = 2 - parkedTaking;
        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM work_item WHERE assignee = 'alice' AND "
                + "state = 'IN_PROGRESS'") == offered);
        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM work_item WHERE state = 'QUEUED'")
                == more.size() - offered);
        router.sweep();
        assertThat(count("SELECT COUNT(*) FROM work_item WHERE state = 'QUEUED'")).as("full as the router counts")
            .isEqualTo(more.size() - offered);

        assertThat(displayedLoads(alice)).as("full as people see it").containsOnly(2L);
        JsonNode agent = alice.get("/api/agents/alice").body();
        assertThat(agent.path("items").size()).as("the parked item is listed either way").isEqualTo(offered + 1);
    }

    /** The load of alice's work items on each surface: her profile, My day, the board, the wallboard. */
    private List<Long> displayedLoads(ApiClient alice) {
        long profile = alice.get("/api/agents/alice").body().path("load").path("workitem").asLong();
        long day = alice.get("/api/agents/alice/day").body().path("load").path("workitem").path("items").asLong();
        long board = supervisor().get("/api/agents?q=alice").body().get(0).path("load").path("workitem").asLong();
        long wallboard = supervisor().get("/api/reports/live/agents").body().path("rows").findParents("agentId")
            .stream()
            .filter(row -> row.path("agentId").asText().equals("alice"))
            .findFirst()
            .orElseThrow()
            .path("load")
            .asLong();
        return List.of(profile, day, board, wallboard);
    }

    private String capture(String externalId) {
        var response = sourceSystem("crm").post("/api/work-items",
                Map.of("externalId", externalId, "customerSegment", "Gold", "requestType", "Lead"));
        assertThat(response.status()).isEqualTo(201);
        return response.text("id");
    }
}
