package io.worklane.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/**
 * The real process, decisions and job executor on PostgreSQL with the engine clock moved by the test: an item
 * walks through activation, the steps of its priority schema, a boost window and its due date, and
 * {@code work_item.priority} is checked at each point against the seed's examples.
 */
class PriorityTimersIntegrationTests extends PostgresIntegrationTest {

    /** A Monday, 09:00 UTC (10:00 in Berlin). */
    private static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private ManagementService managementService;

    @Autowired
    private RepositoryService repositoryService;

    @Autowired
    private HistoryService historyService;

    @Autowired
    private TaskService taskService;

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    void aWebLeadIsActivatedDegradesIsPromotedTurnsUrgentAndOverdue() {
        clockAt(T0);
        ApiClient crm = sourceSystem("crm");
        Instant activation = T0.plus(Duration.ofDays(1));
        String id = crm.post("/api/work-items", Map.of("externalId", "LEAD-1", "requestType", "Web Lead",
                "customerSegment", "Gold", "activationAt", activation.toString())).text("id");

        var scheduled = awaitItem(crm, id, item -> "SCHEDULED".equals(item.text("state")));
        assertThat(scheduled.body().path("priority").asInt()).as("prioritised from its activation date").isEqualTo(900);
        assertThat(scheduled.text("prioritySchema")).isEqualTo("Lead promotion");
        assertThat(Instant.parse(scheduled.text("dueAt"))).isEqualTo(activation.plus(Duration.ofDays(10)));

        clockAt(activation.plusSeconds(60));
        var queued = awaitItem(crm, id, item -> "QUEUED".equals(item.text("state")));
        assertThat(queued.body().path("priority").asInt()).isEqualTo(900);
        assertThat(Instant.parse(queued.text("nextReprioritizationAt"))).isEqualTo(T0.plus(Duration.ofDays(2)));

        assertPriorityAfter(id, Duration.ofDays(2), 850);
        assertPriorityAfter(id, Duration.ofDays(6), 1050);
        assertPriorityAfter(id, Duration.ofDays(8), 550);
        assertPriorityAfter(id, Duration.ofDays(11).minus(Duration.ofHours(2)), 2650);
        assertThat(count("SELECT COUNT(*) FROM work_item WHERE id = ? AND next_reprioritization_at IS NULL", id))
            .as("no step before the due date is left").isOne();

        clockAt(T0.plus(Duration.ofDays(11)).plusSeconds(60));
        var overdue = awaitItem(crm, id, item -> item.body().path("overdueAt").isTextual());
        assertThat(overdue.body().path("priority").asInt()).isEqualTo(2900);
        assertThat(overdue.text("state")).isEqualTo("QUEUED");
        assertThat(overdue.body().path("overdue").asBoolean()).isTrue();
        assertThat(eventTypes(id)).filteredOn(type -> !type.equals("TARGET_EXPANDED")).containsExactly("CAPTURED", "CONTEXT_LOOKED_UP", "CLASSIFIED", "QUEUED",
                "REPRIORITIZED", "REPRIORITIZED", "REPRIORITIZED", "REPRIORITIZED", "OVERDUE");
        assertThat(jdbc.queryForList("SELECT actor_id FROM work_item_event WHERE work_item_id = ? AND type IN "
                + "('REPRIORITIZED', 'OVERDUE') ORDER BY id", String.class, id))
            .containsExactly("priority-schema", "priority-schema", "priority-schema", "priority-schema", "due-date");
    }

    /** The seed's segmentation table: Sales and Gold, SLA 72 hours, priority 500 to 2000. */
    @Test
    void salesGoldClimbsHourlyToItsMaxAtTheDueDate() {
        clockAt(T0);
        ApiClient crm = sourceSystem("crm");
        String id = crm.post("/api/work-items", Map.of("externalId", "GOLD-1", "requestType", "Lead",
                "customerSegment", "Gold")).text("id");
        var queued = awaitItem(crm, id, item -> "QUEUED".equals(item.text("state")));
        assertThat(queued.body().path("priority").asInt()).isEqualTo(500);
        assertThat(Instant.parse(queued.text("dueAt"))).isEqualTo(T0.plus(Duration.ofHours(72)));

        assertPriorityAfter(id, Duration.ofHours(1), 521);
        assertPriorityAfter(id, Duration.ofHours(36), 1260);
        assertPriorityAfter(id, Duration.ofHours(71), 2000);
    }

    /**
     * A step keeps the item's terms while the service-level rules that chose them are the latest; the step after a
     * new version is deployed decides again with it.
     */
    @Test
    void aStepDecidesTheServiceLevelAgainOnlyOnceNewerRulesAreDeployed() throws Exception {
        ApiClient crm = sourceSystem("crm");
        String id = queuedGoldLeadAtT0(crm, "GOLD-3");
        String instance = instanceOf(id);
        String decidedBy = jdbc.queryForObject("SELECT service_level_rules FROM work_item WHERE id = ?", String.class, id);
        assertThat(decidedBy).isEqualTo(repositoryService.createDecisionDefinitionQuery()
            .decisionDefinitionKey("service-level").latestVersion().singleResult().getId());

        assertPriorityAfter(id, Duration.ofHours(1), 521);
        assertThat(decidedAgain(instance)).as("same rules: the step kept the terms").isZero();

        String deployment = repositoryService.createDeployment().name("service-level, once more")
            .addInputStream("service-level.dmn", Files.newInputStream(Path.of("decisions/service-level.dmn")))
            .deploy().getId();
        try {
            String newer = repositoryService.createDecisionDefinitionQuery().deploymentId(deployment).singleResult()
                .getId();
            assertPriorityAfter(id, Duration.ofHours(2), 542);
            assertThat(decidedAgain(instance)).isOne();
            assertThat(jdbc.queryForObject("SELECT service_level_rules FROM work_item WHERE id = ?", String.class, id))
                .isEqualTo(newer);
            assertPriorityAfter(id, Duration.ofHours(36), 1260);
            assertThat(decidedAgain(instance)).isOne();
        }
        finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    /** The service-level rules may read custom attributes: a change of them (an update in place) counts. */
    @Test
    void aStepAfterTheCustomAttributesChangedDecidesTheServiceLevelAgain() {
        ApiClient crm = sourceSystem("crm");
        String id = queuedGoldLeadAtT0(crm, "GOLD-5");
        String instance = instanceOf(id);
        assertThat(crm.patch("/api/work-items/" + id, Map.of("attributes", Map.of("cartItems", 3))).status())
            .isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT state FROM work_item WHERE id = ?", String.class, id))
            .as("updated in place").isEqualTo("QUEUED");

        assertPriorityAfter(id, Duration.ofHours(1), 521);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(decidedAgain(instance)).isOne());
        assertThat(jdbc.queryForObject("SELECT service_level_rules FROM work_item WHERE id = ?", String.class, id))
            .isNotNull();
    }

    /** Steps change only the row while the item waits; the agent's task takes the priority the row has then. */
    @Test
    void theTaskOfAnItemOfferedAfterAStepHasTheStepsPriority() {
        ApiClient crm = sourceSystem("crm");
        String id = queuedGoldLeadAtT0(crm, "GOLD-4");
        assertPriorityAfter(id, Duration.ofHours(36), 1260);

        ApiClient hana = agent("hana", Map.of("Sales Processing", 8), 1);
        assertThat(hana.put("/api/agents/hana/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        awaitItem(crm, id, item -> "IN_PROGRESS".equals(item.text("state")));
        assertThat(taskService.createTaskQuery().taskAssignee("hana").singleResult().getPriority()).isEqualTo(1260);
    }

    /** A Sales Gold lead captured at T0, once it is QUEUED. @return its id */
    private String queuedGoldLeadAtT0(ApiClient crm, String externalId) {
        clockAt(T0);
        String id = crm.post("/api/work-items", Map.of("externalId", externalId, "requestType", "Lead",
                "customerSegment", "Gold")).text("id");
        awaitItem(crm, id, item -> "QUEUED".equals(item.text("state")));
        return id;
    }

    private String instanceOf(String id) {
        return jdbc.queryForObject("SELECT process_instance_id FROM work_item WHERE id = ?", String.class, id);
    }

    private long decidedAgain(String instance) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(instance)
            .activityId("Activity_RedetermineServiceLevel").count();
    }

    @Test
    void holdStopsTheStepsAndResumeRecomputesThePriorityFromTheCurve() {
        clockAt(T0);
        ApiClient crm = sourceSystem("crm");
        String id = crm.post("/api/work-items", Map.of("externalId", "GOLD-2", "requestType", "Lead",
                "customerSegment", "Gold")).text("id");
        awaitItem(crm, id, item -> "QUEUED".equals(item.text("state")));

        assertThat(crm.post("/api/work-items/" + id + "/hold", null).status()).isEqualTo(200);
        assertThat(stepTimers()).as("a held item has no priority steps").isZero();
        clockAt(T0.plus(Duration.ofHours(36)).plusSeconds(60));
        assertThat(crm.post("/api/work-items/" + id + "/resume", null).status()).isEqualTo(200);

        var resumed = awaitItem(crm, id, item -> "QUEUED".equals(item.text("state")));
        assertThat(resumed.body().path("priority").asInt()).isEqualTo(1260);
        assertThat(Instant.parse(resumed.text("dueAt"))).as("the due date stays").isEqualTo(T0.plus(Duration.ofHours(72)));
        assertThat(stepTimers()).isOne();
    }

    /** Finance counts its SLA in its office hours (Berlin, Monday to Friday, 08:00 to 17:00). */
    @Test
    void financeDueDatesCountBusinessHours() {
        Instant fridayAfternoon = Instant.parse("2027-01-08T15:00:00Z");
        clockAt(fridayAfternoon);
        ApiClient erp = sourceSystem("erp");
        String id = erp.post("/api/work-items", Map.of("externalId", "INV-1", "requestType", "Invoice",
                "customerSegment", "Gold")).text("id");

        var queued = awaitItem(erp, id, item -> "QUEUED".equals(item.text("state")));
        assertThat(queued.text("businessCalendar")).isEqualTo("Finance office hours");
        // 48 business hours: Friday 16:00-17:00, five days of 9 hours, then Monday 08:00-10:00 local time
        assertThat(Instant.parse(queued.text("dueAt"))).isEqualTo(Instant.parse("2027-01-18T09:00:00Z"));
    }

    private void assertPriorityAfter(String id, Duration sinceT0, int expected) {
        clockAt(T0.plus(sinceT0).plusSeconds(60));
        await().atMost(PATIENCE)
            .untilAsserted(() -> assertThat(jdbc.queryForObject("SELECT priority FROM work_item WHERE id = ?",
                    Integer.class, id)).as("priority %s after capture", sinceT0).isEqualTo(expected));
    }

    private int stepTimers() {
        return (int) managementService.createJobQuery().activityId("Event_ReprioritizationDue").count();
    }

    private List<String> eventTypes(String id) {
        return jdbc.queryForList("SELECT type FROM work_item_event WHERE work_item_id = ? ORDER BY id", String.class, id);
    }

    private static ApiClient.Response awaitItem(ApiClient client, String id,
            java.util.function.Predicate<ApiClient.Response> condition) {
        return await().atMost(PATIENCE).until(() -> client.get("/api/work-items/" + id), condition::test);
    }

    private static void clockAt(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
