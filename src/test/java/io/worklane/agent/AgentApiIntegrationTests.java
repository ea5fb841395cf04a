package io.worklane.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

class AgentApiIntegrationTests extends PostgresIntegrationTest {

    @Test
    void supervisorCreatesThenReplacesAnAgentProfile() {
        as("dave", "agents");
        var created = supervisor().put("/api/agents/dave", Map.of("displayName", "Dave", "skills",
                Map.of("Finance Processing", 4), "capacity", Map.of("workitem", 1), "groups", java.util.List.of("finance")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("presence").path("state").asText()).isEqualTo("NOT_READY");

        var replaced = supervisor().put("/api/agents/dave", Map.of("displayName", "Dave Doyle", "skills",
                Map.of("General Processing", 6), "capacity", Map.of("workitem", 2)));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.text("displayName")).isEqualTo("Dave Doyle");
        assertThat(replaced.body().path("skills").size()).isOne();
        assertThat(replaced.body().path("skills").path("General Processing").asInt()).isEqualTo(6);
        assertThat(replaced.body().path("capacity").path("workitem").asInt()).isEqualTo(2);
        assertThat(replaced.body().path("groups")).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM agent_skill WHERE agent_id = 'dave'")).isOne();
    }

    @Test
    void anAgentMustBeAnIdentityUserWithValidSkills() {
        var unknown = supervisor().put("/api/agents/nobody",
                Map.of("displayName", "Nobody", "skills", Map.of(), "capacity", Map.of()));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.text("type")).isEqualTo("https://worklane.io/problems/unknown-user");

        as("erin", "agents");
        var tooProficient = supervisor().put("/api/agents/erin",
                Map.of("displayName", "Erin", "skills", Map.of("Sales Processing", 11), "capacity", Map.of()));
        assertThat(tooProficient.status()).isEqualTo(400);
        assertThat(tooProficient.body().path("errors").get(0).path("field").asText()).contains("skills");
        assertThat(count("SELECT COUNT(*) FROM agent")).isZero();
    }

    @Test
    void agentsChangeTheirOwnPresenceWithAConfiguredReason() {
        ApiClient bob = agent("bob", Map.of("Sales Processing", 5), 1);

        var ready = bob.put("/api/agents/bob/presence", Map.of("state", "READY"));
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body().path("presence").path("state").asText()).isEqualTo("READY");

        var lunch = bob.put("/api/agents/bob/presence", Map.of("state", "NOT_READY", "reason", "Lunch"));
        assertThat(lunch.body().path("presence").path("reason").asText()).isEqualTo("Lunch");

        var nap = bob.put("/api/agents/bob/presence", Map.of("state", "NOT_READY", "reason", "Nap"));
        assertThat(nap.status()).isEqualTo(400);
        assertThat(nap.text("type")).isEqualTo("https://worklane.io/problems/invalid-not-ready-reason");
        assertThat(bob.put("/api/agents/bob/presence", Map.of("state", "READY", "reason", "Lunch")).status())
            .isEqualTo(400);
        assertThat(bob.put("/api/agents/bob/presence", Map.of("state", "ASLEEP")).status()).isEqualTo(400);
        assertThat(bob.get("/api/agents/bob").body().path("presence").path("reason").asText()).isEqualTo("Lunch");
    }

    @Test
    void agentsSeeAndChangeOnlyThemselves() {
        ApiClient bob = agent("bob", Map.of("Sales Processing", 5), 1);
        agent("carol", Map.of("Finance Processing", 8), 1);

        assertThat(bob.get("/api/agents/carol").status()).isEqualTo(403);
        assertThat(bob.put("/api/agents/carol/presence", Map.of("state", "READY")).status()).isEqualTo(403);
        assertThat(bob.put("/api/agents/bob", Map.of("displayName", "Boss", "skills", Map.of(), "capacity", Map.of()))
            .status()).isEqualTo(403);
        assertThat(supervisor().get("/api/agents/carol").status()).isEqualTo(200);
        assertThat(supervisor().get("/api/agents/nobody").status()).isEqualTo(404);
    }
}
