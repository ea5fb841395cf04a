package io.worklane.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/**
 * Group targets on PostgreSQL, with the shipped rule: a VIP's Sales item goes first to the key accounts team
 * ({@code group = "Key Accounts" and Sales Processing > 7}, decisions/routing-targets.dmn).
 */
class GroupRoutingIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TARGET = "group = \"Key Accounts\" and Sales Processing > 7";

    @Autowired
    private Router router;

    @Autowired
    private RepositoryService repositoryService;

    @Test
    void onlyAMemberOfTheGroupGetsTheItemAndTheWaitingReportSaysWhoIsMissing() {
        ApiClient erin = profile("erin", 9, List.of("sales"), 2);
        assertThat(erin.put("/api/agents/erin/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        String first = captureVip("GROUP-1");
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(first)));
        router.sweep();
        assertThat(stateOf(first)).as("erin sells well but is no key account manager").isEqualTo("QUEUED");
        assertThat(jdbc.queryForMap("SELECT target_expression, target_skill, target_min_proficiency, target_group "
                + "FROM work_item WHERE id = ?", first)).containsEntry("target_expression", TARGET)
            .containsEntry("target_skill", "Sales Processing").containsEntry("target_min_proficiency", 8)
            .containsEntry("target_group", "Key Accounts");

        JsonNode nobody = supervisor().get("/api/work-items/" + first + "/routing").body();
        assertThat(nobody.path("target").asText()).isEqualTo(TARGET);
        assertThat(nobody.path("groups").path("Key Accounts").asInt()).isZero();
        assertThat(nobody.path("agents").path("total").asInt()).isZero();
        assertThat(nobody.path("summary").asText())
            .startsWith("No agent matches '" + TARGET + "' (nobody is in group \"Key Accounts\").");

        ApiClient kim = profile("kim", 8, List.of("sales", "Key Accounts"), 2);
        profile("lou", 3, List.of("Key Accounts"), 2);
        JsonNode notReady = supervisor().get("/api/work-items/" + first + "/routing").body();
        assertThat(notReady.path("groups").path("Key Accounts").asInt()).as("kim and lou").isEqualTo(2);
        assertThat(notReady.path("agents").path("total").asInt()).as("lou lacks the skill").isOne();
        assertThat(notReady.path("summary").asText()).startsWith("Nobody matching '" + TARGET + "' is free");

        assertThat(kim.put("/api/agents/kim/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(first)));
        assertThat(assigneeOf(first)).isEqualTo("kim");
        JsonNode offer = supervisor().get("/api/work-items/" + first + "/routing").body().path("lastOffer");
        assertThat(offer.path("groups").path("Key Accounts").asBoolean()).as("why: kim is in the group").isTrue();
        assertThat(offer.path("proficiencies").path("Sales Processing").asInt()).isEqualTo(8);

        // queued while both are READY with a free slot: erin, idle longer, is passed over for the member
        String second = captureVip("GROUP-2");
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(second)));
        assertThat(assigneeOf(second)).isEqualTo("kim");
        assertThat(count("SELECT COUNT(*) FROM work_item WHERE assignee = 'erin'")).isZero();
    }

    @Test
    void aDeploymentWithAMalformedGroupTargetIsRefusedWithTheRuleAndTheProblem() throws IOException {
        String model;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("decisions/routing-targets.dmn")) {
            model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String broken = model.replace("group = \\\"Key Accounts\\\"", "group &gt; \\\"Key Accounts\\\"");
        assertThat(broken).isNotEqualTo(model);

        assertThatThrownBy(() -> repositoryService.createDeployment()
            .name("broken group target")
            .addString("routing-targets.dmn", broken)
            .deploy()).hasStackTraceContaining("routing-targets.dmn, rule Rule_SalesVip, primaryTarget")
            .hasStackTraceContaining("compares group with \">\" at position 7");
        assertThat(repositoryService.createDeploymentQuery().deploymentName("broken group target").count()).isZero();
    }

    /** An agent with this Sales proficiency and these routing groups, NOT_READY. */
    private ApiClient profile(String id, int sales, List<String> groups, int capacity) {
        ApiClient agent = agent(id, Map.of("Sales Processing", sales), capacity);
        var saved = supervisor().put("/api/agents/" + id, Map.of("displayName", id, "skills",
                Map.of("Sales Processing", sales), "capacity", Map.of("workitem", capacity), "groups", groups));
        assertThat(saved.status()).as("%s", saved).isEqualTo(200);
        return agent;
    }

    private String captureVip(String externalId) {
        var response = sourceSystem("crm").post("/api/work-items",
                Map.of("externalId", externalId, "customerSegment", "VIP", "requestType", "Lead"));
        assertThat(response.status()).isEqualTo(201);
        return response.text("id");
    }

    private String assigneeOf(String id) {
        return jdbc.queryForObject("SELECT assignee FROM work_item WHERE id = ?", String.class, id);
    }
}
