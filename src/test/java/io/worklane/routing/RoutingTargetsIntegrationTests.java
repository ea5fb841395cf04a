package io.worklane.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/**
 * Routing targets on PostgreSQL with the engine clock moved by the test: the seed's targets widen at their
 * share of the SLA, and a preferred agent gets the item first.
 */
class RoutingTargetsIntegrationTests extends PostgresIntegrationTest {

    private static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private Router router;

    @Autowired
    private RepositoryService repositoryService;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    /** Orders: "Sales Processing > 7 and Legacy System Processing > 1", then "> 4", then "> 0"; 18 h each. */
    @Test
    void theSeedsTargetsWidenAtTheirShareOfTheSla() {
        clockAt(T0);
        ApiClient seller = agent("seller", Map.of("Sales Processing", 8), 1);
        ApiClient trainee = agent("trainee", Map.of("Sales Processing", 1), 1);
        ready(seller, "seller");
        ready(trainee, "trainee");
        ApiClient crm = sourceSystem("crm");
        String first = crm.post("/api/work-items", Map.of("externalId", "ORD-1", "requestType", "Order",
                "customerSegment", "Gold")).text("id");
        awaitState(first, "QUEUED");
        clockAt(T0.plus(Duration.ofHours(1)));
        String second = crm.post("/api/work-items", Map.of("externalId", "ORD-2", "requestType", "Order",
                "customerSegment", "Gold")).text("id");
        awaitState(second, "QUEUED");
        router.sweep();
        assertThat(stateOf(first)).as("nobody has the legacy system").isEqualTo("QUEUED");
        assertThat(jdbc.queryForObject("SELECT target_expression FROM work_item WHERE id = ?", String.class, first))
            .isEqualTo("Sales Processing > 7 and Legacy System Processing > 1");

        clockAt(T0.plus(Duration.ofHours(18)).plusSeconds(60));
        awaitState(first, "IN_PROGRESS");
        assertThat(assigneeOf(first)).isEqualTo("seller");
        assertThat(jdbc.queryForObject("SELECT target_level FROM work_item WHERE id = ?", String.class, second))
            .as("queued an hour later, it widens an hour later").isEqualTo("PRIMARY");

        clockAt(T0.plus(Duration.ofHours(19)).plusSeconds(60));
        await().atMost(PATIENCE).until(() -> "SECONDARY".equals(
                jdbc.queryForObject("SELECT target_level FROM work_item WHERE id = ?", String.class, second)));
        router.sweep();
        assertThat(stateOf(second)).as("the seller is full, the trainee below the secondary target")
            .isEqualTo("QUEUED");

        clockAt(T0.plus(Duration.ofHours(37)).plusSeconds(60));
        awaitState(second, "IN_PROGRESS");
        assertThat(assigneeOf(second)).isEqualTo("trainee");
        var offered = jdbc.queryForMap("SELECT details FROM work_item_event WHERE work_item_id = ? AND type = 'OFFERED'",
                second);
        assertThat(offered.get("details").toString()).contains("\"targetLevel\":\"TERTIARY\"",
                "\"target\":\"Sales Processing > 0\"", "\"proficiencies\":{\"Sales Processing\":1}");
        assertThat(jdbc.queryForList("SELECT type FROM work_item_event WHERE work_item_id = ? AND type = "
                + "'TARGET_EXPANDED' ORDER BY id", String.class, second)).hasSize(2);
    }

    /** Leads: primary "Sales Processing > 4"; the preferred agent first, for 10 % of the 72 h SLA. */
    @Test
    void aPreferredAgentGetsTheItemFirstUntilItsTimeout() {
        clockAt(T0);
        ApiClient seller = agent("seller", Map.of("Sales Processing", 8), 2);
        ApiClient friend = agent("friend", Map.of("Sales Processing", 1), 1);
        ready(seller, "seller");
        ApiClient crm = sourceSystem("crm");
        String mine = crm.post("/api/work-items", Map.of("externalId", "PREF-1", "requestType", "Lead",
                "customerSegment", "Gold", "preferredAgent", "friend")).text("id");
        awaitState(mine, "QUEUED");
        router.sweep();
        assertThat(stateOf(mine)).as("waits for its preferred agent").isEqualTo("QUEUED");

        ready(friend, "friend");
        awaitState(mine, "IN_PROGRESS");
        assertThat(assigneeOf(mine)).as("below the skill target, but preferred").isEqualTo("friend");

        String next = crm.post("/api/work-items", Map.of("externalId", "PREF-2", "requestType", "Lead",
                "customerSegment", "Gold", "preferredAgent", "friend")).text("id");
        awaitState(next, "QUEUED");
        router.sweep();
        assertThat(stateOf(next)).as("the preferred agent is full").isEqualTo("QUEUED");
        clockAt(T0.plus(Duration.ofMinutes(7 * 60 + 12)).plusSeconds(60));
        awaitState(next, "IN_PROGRESS");
        assertThat(assigneeOf(next)).isEqualTo("seller");
    }

    @Test
    void aDeploymentWithABadTargetIsRefusedWithTheRuleAndTheProblem() throws IOException {
        String model;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("decisions/routing-targets.dmn")) {
            model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String broken = model.replaceFirst("&#34;Sales Processing &gt; 4&#34;|\"Sales Processing &gt; 4\"",
                "\"Sales Processing &gt;\"");
        assertThat(broken).isNotEqualTo(model);

        assertThatThrownBy(() -> repositoryService.createDeployment()
            .name("broken routing targets")
            .addString("routing-targets.dmn", broken)
            .deploy()).hasStackTraceContaining("routing-targets.dmn, rule Rule_SalesOrders, secondaryTarget")
            .hasStackTraceContaining("Skill expression \"Sales Processing >\" is incomplete");
        assertThat(repositoryService.createDeploymentQuery().deploymentName("broken routing targets").count()).isZero();
    }

    private void ready(ApiClient agent, String id) {
        assertThat(agent.put("/api/agents/" + id + "/presence", Map.of("state", "READY")).status()).isEqualTo(200);
    }

    private void awaitState(String id, String state) {
        await().atMost(PATIENCE).until(() -> state.equals(stateOf(id)));
    }

    private String assigneeOf(String id) {
        return jdbc.queryForObject("SELECT assignee FROM work_item WHERE id = ?", String.class, id);
    }

    private static void clockAt(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
