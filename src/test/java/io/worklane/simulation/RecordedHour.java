package io.worklane.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import io.worklane.ApiClient;
import io.worklane.agent.Agents;

/**
 * An hour for the simulations to replay, recorded by the real application on Camunda's clock: everyone else logged
 * out before it; {@value #AGENT} READY from {@code start} handles the first three Sales leads (2, 3 and 4 minutes),
 * then 13 more arrive while she works on; Gold and Silver alternate. Tests give each hour a start no other test
 * uses, so that a period around it holds its items only, and reset the clock ({@link ClockUtil#reset()}) after it.
 *
 * @param agentMaker creates an agent's user and profile (NOT_READY), as the integration tests' {@code agent(...)}
 * @param sourceSystems a source system's client (created on first use), as their {@code sourceSystem(id)}
 * @param stateOf an item's state as its row has it, as their {@code stateOf(id)}
 */
public record RecordedHour(Instant start, Agents agents, AgentMaker agentMaker,
        Function<String, ApiClient> sourceSystems, Function<String, String> stateOf) {

    /** The one agent logged in. */
    public static final String AGENT = "sim-ana";
    public static final int ITEMS = 16;
    /** The period to simulate: the hour and what follows, so that every recorded item is in it. */
    public static final Duration PERIOD = Duration.ofHours(3);
    private static final int HANDLED = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SILVER_UNSET = "<outputEntry id=\"LiteralExpression_Silver_InitialPriority\">\n"
            + "          <text></text>";
    private static final String SILVER_FIRST = "<outputEntry id=\"LiteralExpression_Silver_InitialPriority\">\n"
            + "          <text>1900</text>";

    /** The integration tests' {@code agent(id, skills, workItemCapacity)}. */
    @FunctionalInterface
    public interface AgentMaker {
        ApiClient agent(String id, Map<String, Integer> skills, int workItemCapacity);
    }

    public Instant end() {
        return start.plus(PERIOD);
    }

    /** Records the hour; Camunda's clock is left at the last capture. */
    public void record() {
        clockAt(start.minusSeconds(60));
        agents.ids().forEach(agents::markLoggedOut);
        ApiClient ana = agentMaker.agent(AGENT, Map.of("Sales Processing", 8), 1);
        ApiClient crm = sourceSystems.apply("crm");
        clockAt(start);
        assertThat(ana.put("/api/agents/" + AGENT + "/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        Instant at = start;
        for (int handled = 0; handled < HANDLED; handled++) {
            String item = capture(crm, handled);
            await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf.apply(item)));
            at = at.plus(Duration.ofMinutes(2 + handled));
            clockAt(at);
            assertThat(ana.post("/api/agents/" + AGENT + "/items/" + item + "/done", null).status()).isEqualTo(200);
            await().atMost(PATIENCE).until(() -> "COMPLETED".equals(stateOf.apply(item)));
        }
        for (int i = HANDLED; i < ITEMS; i++) {
            at = at.plusSeconds(40);
            clockAt(at);
            capture(crm, i);
        }
    }

    /**
     * The candidate the tests replay the hour with: {@code decisions/priority-schema.dmn} with Silver's initial
     * priority set to 1900, above Gold's, so that Silver waits less and Gold longer.
     */
    public static String silverFirstPrioritySchema() {
        try {
            String candidate = Files.readString(Path.of("decisions/priority-schema.dmn")).replace(SILVER_UNSET,
                    SILVER_FIRST);
            assertThat(candidate).as("the rule for Silver's initial priority").contains(SILVER_FIRST);
            return candidate;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String capture(ApiClient crm, int i) {
        var captured = crm.post("/api/work-items", Map.of("externalId", "SIM-API-" + i, "requestType", "Lead",
                "customerSegment", i % 2 == 0 ? "Gold" : "Silver"));
        assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
        return captured.text("id");
    }

    private static void clockAt(Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
    }
}
