package io.worklane.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;
import io.worklane.agent.Agents;

/**
 * A process owner runs a recorded hour through a changed {@code priority-schema.dmn}: the real application on
 * PostgreSQL records the hour (captures, an agent's presence and handling), the simulation replays it in child
 * JVMs with the deployed rules and with the candidate, and the API answers with both runs and their differences.
 */
class SimulationApiIntegrationTests extends PostgresIntegrationTest {

    /** A Monday no other test uses, so the recorded hour holds this test's items only. */
    private static final Instant T0 = Instant.parse("2031-01-06T09:00:00Z");

    @Autowired
    private Agents agents;

    private ApiClient owner;

    @BeforeEach
    void processOwner() {
        owner = as("paula", "process-owners");
    }

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    void aProcessOwnerSeesHowAChangedPrioritySchemaWouldHaveChangedTheWaits() {
        RecordedHour hour = new RecordedHour(T0, agents, this::agent, this::sourceSystem, this::stateOf);
        hour.record();
        ClockUtil.reset(); // the simulation is asked for now: the list shows the newest first
        String candidate = RecordedHour.silverFirstPrioritySchema();

        var started = owner.post("/api/simulations", Map.of("from", T0.toString(),
                "to", hour.end().toString(), "candidateModels", Map.of("priority-schema.dmn", candidate)));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.text("id");
        assertThat(started.headers().getLocation()).hasToString("/api/simulations/" + id);
        assertThat(started.body().path("summary").path("arrivals").asInt()).isEqualTo(16);
        assertThat(started.body().path("summary").path("agents").asInt()).as("ana, the one agent logged in").isOne();

        JsonNode simulation = awaitDone(id);
        JsonNode current = simulation.path("result").path("runs").get(0);
        JsonNode changed = simulation.path("result").path("runs").get(1);
        assertThat(current.path("name").asText()).isEqualTo("current");
        assertThat(changed.path("name").asText()).isEqualTo("candidate");
        assertThat(current.path("totals").path("arrived").asInt()).isEqualTo(16);
        assertThat(changed.path("totals").path("arrived").asInt()).isEqualTo(16);
        assertThat(current.path("agents").get(0).path("id").asText())
            .as("a process owner reads the people's figures without their names").isEqualTo("agent 1");
        JsonNode asSupervisor = supervisor().get("/api/simulations/" + id).body();
        assertThat(asSupervisor.path("result").path("runs").get(0).path("agents").get(0).path("id").asText())
            .isEqualTo(RecordedHour.AGENT);
        assertThat(as("sim-other-owner", "process-owners").get("/api/simulations/" + id).status())
            .as("another process owner's simulation").isEqualTo(404);

        double silverNow = segment(current, "Silver").path("meanWaitSeconds").asDouble();
        double silverThen = segment(changed, "Silver").path("meanWaitSeconds").asDouble();
        double goldNow = segment(current, "Gold").path("meanWaitSeconds").asDouble();
        double goldThen = segment(changed, "Gold").path("meanWaitSeconds").asDouble();
        assertThat(silverThen).as("Silver first: Silver waits less").isLessThan(silverNow);
        assertThat(goldThen).as("and Gold longer").isGreaterThan(goldNow);
        JsonNode silverDifference = difference(simulation, "Silver");
        assertThat(silverDifference.path("meanWaitSeconds").asDouble()).isCloseTo(silverThen - silverNow,
                org.assertj.core.data.Offset.offset(1e-6));

        String totals = owner.getText("/api/simulations/" + id + "/totals.csv", MediaType.valueOf("text/csv"));
        assertThat(totals.lines().toList()).as(totals).hasSize(4);
        assertThat(totals.lines().toList().get(0)).isEqualTo("200");
        assertThat(totals.lines().toList().get(1)).startsWith("run,arrived,");
        assertThat(totals.lines().toList().get(2)).startsWith("current,16,");
        assertThat(owner.get("/api/simulations").body().findValuesAsText("id")).contains(id);
    }

    @Test
    void onlyProcessOwnersAdminsAndSupervisorsOfEveryDepartmentSimulateAndNothingIsRecordedForTheOthers() {
        int before = count("SELECT COUNT(*) FROM simulation");
        Map<String, Object> order = Map.of("from", T0.toString(), "to", T0.plus(Duration.ofHours(1)).toString());
        ApiClient agent = as("sim-agent", "agents");
        assertThat(agent.post("/api/simulations", order).status()).isEqualTo(403);
        ApiClient salesSupervisor = as("sim-sales-supervisor", "supervisors");
        var refused = salesSupervisor.post("/api/simulations", order);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("detail")).contains("all-departments");
        assertThat(salesSupervisor.get("/api/simulations").status()).isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM simulation")).isEqualTo(before);
    }

    @Test
    void aCandidateThatHoldsCodeIsRefusedAsADeploymentWouldBe() throws Exception {
        int before = count("SELECT COUNT(*) FROM simulation");
        // the whole process (over 100 KB: the order takes a deployment's size) with a script task in it
        String script = Files.readString(Path.of("processes/work-item.bpmn")).replaceFirst("</bpmn:process>",
                "<bpmn:scriptTask id=\"Activity_Run\" scriptFormat=\"javascript\"><bpmn:script>"
                        + "java.lang.Runtime.getRuntime().exec('touch /tmp/owned')</bpmn:script></bpmn:scriptTask>"
                        + "</bpmn:process>");
        assertThat(script.length()).isGreaterThan(100_000);
        // named like a decision, the process is still checked as one
        var disguised = owner.post("/api/simulations", Map.of("from", T0.toString(),
                "to", T0.plus(Duration.ofHours(1)).toString(), "candidateModels", Map.of("evil.dmn.bpmn", script)));
        assertThat(disguised.status()).as(disguised.toString()).isEqualTo(400);
        assertThat(disguised.text("detail")).contains("evil.dmn.bpmn").contains("scriptTask");
        var refused = owner.post("/api/simulations", Map.of("from", T0.toString(),
                "to", T0.plus(Duration.ofHours(1)).toString(), "candidateModels", Map.of("work-item.bpmn", script)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("detail")).contains("work-item.bpmn").contains("scriptTask");
        assertThat(count("SELECT COUNT(*) FROM simulation")).isEqualTo(before);
    }

    @Test
    void aPeriodAndAScenarioTogetherOrAPeriodBackwardsOrWithNothingInItAreRefused() {
        int before = count("SELECT COUNT(*) FROM simulation");
        Map<String, Object> both = new HashMap<>(Map.of("from", T0.toString(), "to", T0.plusSeconds(60).toString()));
        both.put("scenario", Map.of("start", T0.toString()));
        assertThat(owner.post("/api/simulations", both).status()).isEqualTo(400);
        var backwards = owner.post("/api/simulations", Map.of("from", T0.toString(), "to", T0.minusSeconds(60).toString()));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.text("detail")).contains("from before to");
        var empty = owner.post("/api/simulations", Map.of("from", "2031-02-01T00:00:00Z", "to", "2031-02-02T00:00:00Z"));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(count("SELECT COUNT(*) FROM simulation")).isEqualTo(before);
    }

    private JsonNode awaitDone(String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            last[0] = owner.get("/api/simulations/" + id).body();
            return !"QUEUED".equals(last[0].path("state").asText()) && !"RUNNING".equals(last[0].path("state").asText());
        });
        assertThat(last[0].path("state").asText()).as(last[0].toString()).isEqualTo("DONE");
        return last[0];
    }

    private static JsonNode segment(JsonNode run, String name) {
        for (JsonNode group : run.path("bySegment")) {
            if (name.equals(group.path("name").asText())) {
                return group;
            }
        }
        throw new AssertionError("no segment " + name + " in " + run.path("bySegment"));
    }

    private static JsonNode difference(JsonNode simulation, String segment) {
        for (JsonNode group : simulation.path("result").path("differences").path("bySegment")) {
            if (segment.equals(group.path("name").asText())) {
                return group;
            }
        }
        throw new AssertionError("no difference for " + segment);
    }
}
