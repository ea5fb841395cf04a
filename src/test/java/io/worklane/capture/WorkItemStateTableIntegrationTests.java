package io.worklane.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/**
 * Every row of the state table, every state: the operation is carried out where the table allows it and is 409
 * naming the state everywhere else. The table is written out here, independently of the production code.
 */
class WorkItemStateTableIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static final List<String> STATES = List.of("CAPTURED", "SCHEDULED", "QUEUED", "OFFERED", "IN_PROGRESS",
            "PARKED", "AWAITING_CONFIRMATION", "HELD", "COMPLETED", "CANCELED", "REJECTED");

    /**
     * operation -> allowed in CAPTURED, SCHEDULED, QUEUED, OFFERED, IN_PROGRESS, PARKED, AWAITING_CONFIRMATION, HELD,
     * COMPLETED, CANCELED, REJECTED
     */
    private static final Map<String, String> TABLE = Map.of(
            "hold",       "y y y y y y y n n n n",
            "resume",     "n n n n n n n y n n n",
            "cancel",     "y y y y y y y y n n n",
            "complete",   "y y y y y y y y n n n",
            "update",     "y y y y y y y y n n n",
            "reclassify", "y y y y y y y y n n n",
            "restart",    "n n n n n n n n y y n");

    @Autowired
    private ManagementService managementService;

    static Stream<Arguments> table() {
        return TABLE.entrySet().stream().sorted(Map.Entry.comparingByKey()).flatMap(row -> {
            String[] allowed = row.getValue().split(" ");
            return STATES.stream()
                .map(state -> Arguments.of(row.getKey(), state, allowed[STATES.indexOf(state)].equals("y")));
        });
    }

    @AfterEach
    void letJobsRunAgain() {
        managementService.activateJobDefinitionByProcessDefinitionKey("work-item", true);
    }

    @ParameterizedTest(name = "{0} in {1}: allowed={2}")
    @MethodSource("table")
    void operationFollowsTheStateTable(String operation, String state, boolean allowed) {
        ApiClient crm = sourceSystem("crm");
        String id = itemIn(state, crm);

        ApiClient.Response response = perform(operation, id, crm);

        if (!allowed) {
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
            assertThat(response.text("type")).isEqualTo("https://worklane.io/problems/invalid-state");
            assertThat(response.text("state")).isEqualTo(state);
            assertThat(response.text("detail")).contains(state);
            assertThat(crm.get("/api/work-items/" + id).text("state")).isEqualTo(state);
            return;
        }
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.text("state")).isEqualTo(expectedState(operation, state));
        if (operation.equals("update")) {
            assertThat(response.text("contactNumber")).isEqualTo("+1 555 0100");
        }
        if (operation.equals("reclassify")) {
            assertThat(response.text("customerSegment")).isEqualTo("Bronze");
        }
    }

    private static String expectedState(String operation, String before) {
        return switch (operation) {
            case "hold" -> "HELD";
            case "cancel" -> "CANCELED";
            case "complete" -> "COMPLETED";
            case "update" -> before;
            // a held item keeps its place; any other goes back to classification
            case "reclassify" -> before.equals("HELD") ? "HELD" : "CAPTURED";
            case "resume", "restart" -> "CAPTURED";
            default -> throw new IllegalArgumentException(operation);
        };
    }

    private ApiClient.Response perform(String operation, String id, ApiClient crm) {
        String item = "/api/work-items/" + id;
        return switch (operation) {
            case "update" -> crm.patch(item, Map.of("contactNumber", "+1 555 0100"));
            case "reclassify" -> crm.patch(item, Map.of("customerSegment", "Bronze"));
            default -> crm.post(item + "/" + operation, null);
        };
    }

    private String itemIn(String state, ApiClient crm) {
        return switch (state) {
            case "CAPTURED" -> {
                // classification waits while the job definitions are suspended
                managementService.suspendJobDefinitionByProcessDefinitionKey("work-item", true);
                yield capture(crm, Map.of());
            }
            case "SCHEDULED" -> awaitState(capture(crm, Map.of("activationAt", Instant.now().plus(Duration.ofDays(1)).toString())),
                    "SCHEDULED", crm);
            case "QUEUED" -> awaitState(capture(crm, Map.of()), "QUEUED", crm);
            case "OFFERED" -> {
                as("manny", "agents");
                supervisor().put("/api/agents/manny", Map.of("displayName", "Manny", "skills",
                        Map.of("Sales Processing", 9), "capacity", Map.of("workitem", 1), "answerMode", "MANUAL"));
                as("manny", "agents").put("/api/agents/manny/presence", Map.of("state", "READY"));
                yield awaitState(capture(crm, Map.of()), "OFFERED", crm);
            }
            case "PARKED" -> {
                ApiClient alice = agent("alice", Map.of("Sales Processing", 9), 1);
                alice.put("/api/agents/alice/presence", Map.of("state", "READY"));
                String id = awaitState(capture(crm, Map.of()), "IN_PROGRESS", crm);
                assertThat(alice.post("/api/agents/alice/items/" + id + "/park", null).text("state")).isEqualTo("PARKED");
                yield id;
            }
            case "IN_PROGRESS" -> {
                agent("alice", Map.of("Sales Processing", 9), 1).put("/api/agents/alice/presence",
                        Map.of("state", "READY"));
                yield awaitState(capture(crm, Map.of()), "IN_PROGRESS", crm);
            }
            case "AWAITING_CONFIRMATION" -> {
                ApiClient carol = agent("carol", Map.of("Finance Processing", 8), 1);
                carol.put("/api/agents/carol/presence", Map.of("state", "READY"));
                String id = awaitState(capture(crm, Map.of("requestType", "Invoice")), "IN_PROGRESS", crm);
                String task = carol.get("/engine-rest/task?assignee=carol&maxResults=1").body().get(0).path("id").asText();
                carol.post("/engine-rest/task/" + task + "/submit-form", Map.of("variables", Map.of()));
                yield awaitState(id, "AWAITING_CONFIRMATION", crm);
            }
            case "HELD", "COMPLETED", "CANCELED" -> {
                String id = awaitState(capture(crm, Map.of()), "QUEUED", crm);
                String operation = Map.of("HELD", "hold", "COMPLETED", "complete", "CANCELED", "cancel").get(state);
                assertThat(crm.post("/api/work-items/" + id + "/" + operation, null).text("state")).isEqualTo(state);
                yield id;
            }
            case "REJECTED" -> {
                // the doors refuse such a start; the process itself rejects one started inside the app (or by an admin)
                String id = UUID.randomUUID().toString();
                runtimeService.createProcessInstanceByKey("work-item").businessKey(id).setVariable("sourceSystem", "crm")
                    .execute();
                yield awaitState(id, "REJECTED", crm);
            }
            default -> throw new IllegalArgumentException(state);
        };
    }

    private static String capture(ApiClient crm, Map<String, Object> extra) {
        var body = new java.util.HashMap<String, Object>(Map.of("externalId", "ST-" + UUID.randomUUID(),
                "customerSegment", "Gold", "requestType", "Lead"));
        body.putAll(extra);
        var response = crm.post("/api/work-items", body);
        assertThat(response.status()).isEqualTo(201);
        return response.text("id");
    }

    private static String awaitState(String id, String state, ApiClient crm) {
        await().atMost(PATIENCE).until(() -> crm.get("/api/work-items/" + id).text("state"), state::equals);
        return id;
    }
}
