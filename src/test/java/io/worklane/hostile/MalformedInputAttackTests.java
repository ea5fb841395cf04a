package io.worklane.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.worklane.ApiClient;
import io.worklane.ApiClient.Response;

/**
 * Finding 6: bodies without size limit, NUL characters and large money values answering 500, loosely typed
 * JSON accepted, 403-vs-404 telling one source system about another's items, exception class names in engine
 * REST errors, a supervisor's action logged as the agent's, and refusals logging whole stack traces.
 */
class MalformedInputAttackTests extends HostileClientTest {

    /** A Java class name as Camunda's REST errors print it ("RestException", "org.camunda...Exception"). */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b|\\b(org|java|javax)\\.\\w+\\.");

    @Override
    protected AttackClass attackClass() {
        return AttackClass.MALFORMED_INPUT;
    }

    @Test
    void anOversizedEngineRestBodyIsRefusedUnread() {
        StoredObjects before = stored();

        var started = hostile(() -> sourceSystem("crm").post(START, Map.of("variables", Map.of("externalId",
                value("BIG-1"), "contactNumber", value("x".repeat(1024 * 1024))))));
        StoredObjects added = storedSince(before);

        assertThat(started.status()).as("a 1 MB engine REST start (the API's limit is 64 KB): %s",
                abbreviated(started)).isIn(400, 413);
        assertNothingStored(added, "1 MB engine REST body");
    }

    @Test
    void nulCharactersAreRefusedNotAnInternalError() {
        StoredObjects before = stored();

        var api = hostile(() -> sourceSystem("crm").post("/api/work-items", Map.of("externalId", "NUL-1",
                "description", "before\u0000after")));
        var engine = hostile(() -> sourceSystem("crm").post(START, Map.of("variables", Map.of("externalId",
                value("NUL-2"), "description", value("before\u0000after")))));
        StoredObjects added = storedSince(before);

        assertThat(api.status()).as("NUL in a capture: %s", api).isEqualTo(400);
        assertThat(engine.status()).as("NUL in an engine REST start: %s", engine).isEqualTo(400);
        assertNothingStored(added, "NUL characters");
    }

    @Test
    void aLargeDealValueIsKeptToTheCentNotAnInternalError() {
        var captured = hostile(() -> sourceSystem("crm").postRaw("/api/work-items",
                "{\"externalId\":\"DV-1\",\"dealValue\":99999999999999999.99}"));

        assertThat(captured.status()).as("dealValue 99999999999999999.99 fits NUMERIC(19,2): %s", captured)
            .isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT deal_value FROM work_item WHERE external_id = 'DV-1'", BigDecimal.class))
            .isEqualByComparingTo("99999999999999999.99");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            externalId as a number          | {"externalId":123}                                        | externalId
            priority with a fraction        | {"externalId":"J-2","priority":1.5}                       | priority
            dueAt as epoch seconds          | {"externalId":"J-3","dueAt":1700000000}                   | dueAt
            description as a boolean        | {"externalId":"J-4","description":true}                   | description
            trailing garbage after the JSON | {"externalId":"J-5"} {"externalId":"J-6"}                 |
            """)
    void looselyTypedJsonIsRefusedNamingTheField(String attack, String body, String field) {
        StoredObjects before = stored();

        var captured = hostile(() -> sourceSystem("crm").postRaw("/api/work-items", body));
        StoredObjects added = storedSince(before);

        assertThat(captured.status()).as("%s: %s", attack, captured).isEqualTo(400);
        if (field != null) {
            assertThat(captured.body().toString()).as("%s: the answer names the field", attack).contains(field);
        }
        assertNothingStored(added, attack);
    }

    @Test
    void anotherSourcesItemIsAsUnknownAsAMissingOne() {
        String webshops = captureInState(sourceSystem("webshop"), "LEAK-1", Map.of("requestType", "Lead"), "QUEUED");
        ApiClient crm = sourceSystem("crm");

        SoftAssertions soft = new SoftAssertions();
        for (String suffix : List.of("", "/history")) {
            Response foreign = hostile(() -> crm.get("/api/work-items/" + webshops + suffix));
            Response missing = hostile(() -> crm.get("/api/work-items/" + UUID.randomUUID() + suffix));
            soft.assertThat(foreign.status()).as("crm reads webshop's item%s: %s", suffix, foreign).isEqualTo(404);
            soft.assertThat(foreign.text("type")).as("same problem type as a missing item").isEqualTo(missing.text("type"));
        }
        Response hold = hostile(() -> crm.post("/api/work-items/" + webshops + "/hold", null));
        soft.assertThat(hold.status()).as("crm holds webshop's item: %s", hold).isEqualTo(404);
        soft.assertThat(stateOf(webshops)).isEqualTo("QUEUED");
        soft.assertAll();
    }

    @Test
    void engineRestRefusalsNameNoClassesAndLogNoStackTraces() {
        ApiClient crm = sourceSystem("crm");
        String existing = captureInState(crm, "ERR-1", Map.of("requestType", "Lead"), "QUEUED");
        settleJobs();

        SoftAssertions soft = new SoftAssertions();
        for (Response refused : List.of(
                hostile(() -> crm.post(START, Map.of("businessKey", existing, "variables",
                        Map.of("externalId", value("ERR-2"))))),
                hostile(() -> crm.post(START, Map.of("variables", Map.of("externalId", value("ERR-3"),
                        "sourceSystem", value("webshop"))))),
                hostile(() -> crm.post(START, Map.of("variables", Map.of("externalId", value("ERR-1"))))),
                hostile(() -> crm.get("/engine-rest/task/" + UUID.randomUUID())))) {
            soft.assertThat(refused.status()).as("a refusal, not an internal error: %s", refused).isBetween(400, 499);
            soft.assertThat(CLASS_NAME.matcher(refused.body().toString()).find())
                .as("engine REST error body names a Java class: %s", refused.body()).isFalse();
        }
        soft.assertThat(stackTraceLinesSinceFirstHostileRequest())
            .as("stack trace lines logged for 4 expected refusals (one log line each expected)").isZero();
        soft.assertAll();
    }

    @Test
    void aSupervisorCompletingAnAgentsTaskIsNotRecordedAsTheAgent() {
        ApiClient supervisor = member("hostile-sofia", "supervisors", "sales");
        readyAgent("alice", "sales", Map.of("Sales Processing", 9), 1);
        String id = captureInState(sourceSystem("crm"), "ACT-1", Map.of("requestType", "Lead"), "IN_PROGRESS");

        var completed = hostile(() -> supervisor.post("/engine-rest/task/" + taskOf(id) + "/complete",
                Map.of("variables", Map.of("action", value("PARK")))));
        settleJobs();

        if (completed.status() == 204) {
            assertThat(jdbc.queryForList("SELECT actor_type || ':' || actor_id FROM work_item_event WHERE "
                    + "work_item_id = ? AND type = 'PARKED'", String.class, id))
                .as("the supervisor parked alice's item; the event must name the supervisor, not alice")
                .containsExactly("SUPERVISOR:hostile-sofia");
        }
        else {
            assertThat(completed.status()).as("or the supervisor is refused: %s", completed).isIn(400, 403);
            assertThat(tasksOf(id)).isOne();
        }
    }

    private static String abbreviated(Response response) {
        String text = response.toString();
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }
}
