package io.worklane.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/** GET /api/agents: a supervisor's board holds the agents of their departments only, filtered as asked. */
class AgentBoardIntegrationTests extends PostgresIntegrationTest {

    @BeforeEach
    void departments() {
        department("sales", "Sales");
        department("finance", "Finance");
    }

    @Test
    void aSupervisorSeesTheAgentsOfTheirDepartmentsFilteredByPresenceSkillAndText() {
        agentOf("alice", "Alice Adams", "sales", Map.of("Sales Processing", 9));
        agentOf("bob", "Bob Baker", "sales", Map.of("Sales Processing", 5, "General Processing", 3));
        agentOf("carol", "Carol Cruz", "finance", Map.of("Finance Processing", 8));
        assertThat(as("alice").put("/api/agents/alice/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        ApiClient sofia = member("sofia-board", "supervisors", "sales");
        ApiClient sam = member("sam-board", "supervisors", "finance");

        assertThat(ids(sofia.get("/api/agents"))).containsExactly("alice", "bob");
        assertThat(ids(sam.get("/api/agents"))).containsExactly("carol");
        assertThat(ids(supervisor().get("/api/agents"))).containsExactly("alice", "bob", "carol");
        assertThat(ids(sofia.get("/api/agents?presence=READY"))).containsExactly("alice");
        assertThat(ids(sofia.get("/api/agents?skill=General Processing"))).containsExactly("bob");
        assertThat(ids(sofia.get("/api/agents?q=bak"))).containsExactly("bob");
        assertThat(ids(sam.get("/api/agents?department=sales"))).as("another department's agents").isEmpty();

        var board = sofia.get("/api/agents").body().get(0);
        assertThat(board.path("presence").path("state").asText()).isEqualTo("READY");
        assertThat(board.path("load").path("workitem").asInt()).isZero();
        assertThat(board.path("capacity").path("workitem").asInt()).isEqualTo(2);

        assertThat(as("alice").get("/api/agents").status()).as("an agent").isEqualTo(403);
        assertThat(sourceSystem("crm").get("/api/agents").status()).as("a source system").isEqualTo(403);
        assertThat(sofia.get("/api/agents?presence=SLEEPING").status()).isEqualTo(400);
    }

    private void agentOf(String id, String name, String department, Map<String, Integer> skills) {
        member(id, "agents", department);
        var saved = supervisor().put("/api/agents/" + id, Map.of("displayName", name, "skills", skills, "capacity",
                Map.of("workitem", 2), "groups", List.of(department)));
        assertThat(saved.status()).as("%s", saved).isIn(200, 201);
    }

    private static List<String> ids(ApiClient.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        response.body().forEach(agent -> ids.add(agent.path("id").asText()));
        return ids;
    }
}
