package io.worklane.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code simulate} as a process owner runs it: a scenario (its finance agents answer their offers) and a candidate
 * roster with fewer agents; the same figures
 * land in simulation.json and the CSV tables, and the same scenario gives the same day twice.
 */
class SimulationCommandTests {

    private static final String SCENARIO = """
            {
              "start": "2027-01-04T08:00:00Z",
              "length": "PT1H",
              "seed": 3,
              "arrivals": { "profile": [
                { "item": { "requestType": "Lead", "customerSegment": "Gold" }, "perHour": 60 },
                { "item": { "requestType": "Invoice", "customerSegment": "Silver" }, "hourly": [ 40 ] }
              ] },
              "handleTimes": [
                { "department": "Finance", "distribution": { "type": "FIXED", "meanSeconds": 240 } },
                { "distribution": { "type": "EXPONENTIAL", "meanSeconds": 200 } }
              ],
              "roster": [
                { "id": "sales", "copies": 4, "skills": { "Sales Processing": 8 },
                  "breaks": [ { "reason": "Lunch", "from": "PT20M", "length": "PT10M" } ] },
                { "id": "finance", "copies": 3, "skills": { "Finance Processing": 8 }, "shiftEnd": "PT45M",
                  "answerMode": "MANUAL" }
              ]
            }
            """;

    private static final String SMALLER_ROSTER = """
            [ { "id": "sales", "copies": 2, "skills": { "Sales Processing": 8 } },
              { "id": "finance", "copies": 3, "skills": { "Finance Processing": 8 } } ]
            """;

    @TempDir
    Path work;

    @Test
    void writesBothRunsAndTheirDifferencesAsJsonAndCsv() throws Exception {
        Files.writeString(work.resolve("scenario.json"), SCENARIO);
        Files.writeString(work.resolve("roster.json"), SMALLER_ROSTER);
        Path out = work.resolve("out");

        int status = SimulationCommand.run(new String[] { "--scenario", work.resolve("scenario.json").toString(),
                "--candidate-roster", work.resolve("roster.json").toString(), "--out", out.toString() });

        assertThat(status).isZero();
        JsonNode result = SimulationJson.MAPPER.readTree(out.resolve("simulation.json").toFile());
        JsonNode current = result.path("runs").get(0);
        JsonNode candidate = result.path("runs").get(1);
        assertThat(current.path("totals").path("arrived").asInt()).isBetween(70, 130)
            .isEqualTo(candidate.path("totals").path("arrived").asInt());
        assertThat(current.path("agents")).hasSize(7);
        assertThat(candidate.path("agents")).hasSize(5);
        assertThat(current.path("byDepartment").findValuesAsText("name")).containsExactly("Finance", "Sales");
        assertThat(current.path("byDepartment").get(0).path("done").asInt())
            .as("the MANUAL finance agents answered their offers and handled them").isPositive();
        assertThat(current.path("run").path("refusedAgentActions").asInt()).isZero();
        assertThat(candidate.path("waitSeconds").path("mean").asDouble())
            .as("two sales agents instead of four wait longer")
            .isGreaterThan(current.path("waitSeconds").path("mean").asDouble());
        assertThat(result.path("differences").path("waitSeconds").path("mean").asDouble()).isCloseTo(
                candidate.path("waitSeconds").path("mean").asDouble() - current.path("waitSeconds").path("mean").asDouble(),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(candidate.path("agents").findValuesAsText("id")).contains("sales-2", "finance-1");
        for (SimulationCsv table : SimulationCsv.values()) {
            assertThat(out.resolve(table.fileName())).exists();
        }
        assertThat(Files.readAllLines(out.resolve("totals.csv"))).hasSize(3);
        assertThat(Files.readString(out.resolve("groups.csv"))).contains("current,department,Finance,");

        // the same scenario gives the same day
        Path again = work.resolve("again");
        assertThat(SimulationCommand.run(new String[] { "--scenario", work.resolve("scenario.json").toString(),
                "--out", again.toString() })).isZero();
        JsonNode repeated = SimulationJson.MAPPER.readTree(again.resolve("simulation.json").toFile()).path("runs").get(0);
        assertThat(repeated.path("waitSeconds")).isEqualTo(current.path("waitSeconds"));
        assertThat(repeated.path("totals")).isEqualTo(current.path("totals"));
    }

    @Test
    void aWrongCallSaysHowItIsUsed() {
        assertThat(SimulationCommand.run(new String[] { "--out", work.toString() })).isEqualTo(2);
    }
}
