package io.worklane.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.worklane.ApiClient;

/**
 * Finding 1 (remote code execution): a source system or an agent stores a serialized Object variable naming a
 * gadget class; a delegate reading the variables rebuilds it and the H2 INIT runs Java code in the app. Expected:
 * 400 at the door, the marker file never created, and nothing stored (no row, instance, task, job, incident).
 */
class DeserializationAttackTests extends HostileClientTest {

    @TempDir
    Path tempDir;

    @Override
    protected AttackClass attackClass() {
        return AttackClass.DESERIALIZATION;
    }

    @Test
    void aGadgetObjectOnAnEngineRestStartIsRefusedAndRunsNoCode() {
        Path marker = tempDir.resolve("start-gadget-ran");
        StoredObjects before = stored();

        var started = hostile(() -> sourceSystem("crm").post(START, Map.of("variables", Map.of("externalId",
                value("RCE-1"), "customerProfile", H2InitGadget.objectVariable(marker)))));
        // Look up context reads every variable, in its own job
        StoredObjects added = storedSince(before);

        assertNoCodeRan(marker, "start as a source system");
        assertThat(started.status()).as("an Object variable on an engine REST start must be refused: %s", started)
            .isEqualTo(400);
        assertNothingStored(added, "Object variable on start");
    }

    @Test
    void aGadgetObjectOnTaskCompletionOrFormSubmissionIsRefusedAndRunsNoCode() {
        ApiClient alice = readyAgent("alice", "sales", Map.of("Sales Processing", 9), 1);
        String id = captureInState(sourceSystem("crm"), "RCE-2", Map.of("requestType", "Lead"), "IN_PROGRESS");
        String task = taskOf(id);
        StoredObjects before = stored();

        for (String door : List.of("complete", "submit-form")) {
            Path marker = tempDir.resolve(door + "-gadget-ran");
            var completed = hostile(() -> alice.post("/engine-rest/task/" + task + "/" + door, Map.of("variables",
                    Map.of("action", value("PARK"), "customerProfile", H2InitGadget.objectVariable(marker)))));
            settleJobs();

            assertNoCodeRan(marker, "task " + door + " as the assigned agent");
            assertThat(completed.status()).as("an Object variable on task %s must be refused: %s", door, completed)
                .isEqualTo(400);
            assertThat(tasksOf(id)).as("the task is still open after the refused %s", door).isOne();
            assertThat(stateOf(id)).isEqualTo("IN_PROGRESS");
        }
        assertNothingStored(storedSince(before), "Object variable on task completion");
    }

    @Test
    void aGadgetObjectSetOnARunningInstanceIsRefusedAndRunsNoCode() {
        readyAgent("alice", "sales", Map.of("Sales Processing", 9), 1);
        String id = captureInState(sourceSystem("crm"), "RCE-3", Map.of("requestType", "Lead"), "IN_PROGRESS");
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM work_item WHERE id = ?", String.class, id);
        Path marker = tempDir.resolve("variable-gadget-ran");
        ApiClient supervisor = member("hostile-sofia", "supervisors", "sales");

        var set = hostile(() -> supervisor.put("/engine-rest/process-instance/" + instance + "/variables/customerProfile",
                H2InitGadget.objectVariable(marker)));
        // the next delegate to read all variables (a mark done over the API) would rebuild it
        readyAgentMarksDone(id);

        assertNoCodeRan(marker, "variable PUT as a supervisor, then mark done");
        assertThat(set.status()).as("an Object variable PUT on a work-item instance must be refused: %s", set)
            .isIn(400, 403);
        assertThat(count("SELECT COUNT(*) FROM act_ru_variable WHERE name_ = 'customerProfile'")).isZero();
    }

    static Stream<Map<String, Object>> otherBinaryTypes() throws IOException {
        byte[] bytes = "not a work item".getBytes();
        ByteArrayOutputStream javaSerialized = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(javaSerialized)) {
            out.writeObject(new ArrayList<>(List.of("java", "serialization")));
        }
        String base64 = Base64.getEncoder().encodeToString(bytes);
        return Stream.of(typed(base64, "Bytes"),
                Map.of("type", "File", "value", base64, "valueInfo", Map.of("filename", "payload.txt")),
                Map.of("type", "Object", "value", Base64.getEncoder().encodeToString(javaSerialized.toByteArray()),
                        "valueInfo", Map.of("objectTypeName", "java.util.ArrayList", "serializationDataFormat",
                                "application/x-java-serialized-object")));
    }

    @ParameterizedTest
    @MethodSource("otherBinaryTypes")
    void bytesFilesAndJavaSerializedObjectsAreRefusedOnStart(Map<String, Object> variable) {
        StoredObjects before = stored();

        var started = hostile(() -> sourceSystem("crm").post(START, Map.of("variables", Map.of("externalId",
                value("BIN-1"), "payload", variable))));
        StoredObjects added = storedSince(before);

        assertThat(started.status()).as("a %s variable on an engine REST start must be refused: %s",
                variable.get("type"), started).isEqualTo(400);
        assertNothingStored(added, variable.get("type") + " variable on start");
    }

    @Test
    void evenAnAdministratorsGadgetIsNeverRebuilt() {
        Path marker = tempDir.resolve("admin-gadget-ran");

        // administrators pass the door's type check; the engine's deserialization type validation still holds
        var started = hostile(() -> admin().post(START, Map.of("variables", Map.of("externalId", value("RCE-ADMIN"),
                "sourceSystem", value("crm"), "customerProfile", H2InitGadget.objectVariable(marker)))));
        settleJobs();

        assertNoCodeRan(marker, "start as an administrator, read by Look up context");
        assertThat(started.status()).as("the start itself is an administrator's right: %s", started).isEqualTo(200);
        assertThat(managementService.createJobQuery().withException().list())
            .as("Look up context fails: the engine refuses to rebuild the type")
            .singleElement()
            .satisfies(job -> assertThat(job.getExceptionMessage()).contains("DriverManagerDataSource"));
    }

    private void readyAgentMarksDone(String id) {
        as("alice").post("/api/agents/alice/items/" + id + "/done", null);
        settleJobs();
    }

    private static void assertNoCodeRan(Path marker, String door) {
        assertThat(Files.exists(marker))
            .as("REMOTE CODE EXECUTION via %s: the gadget's H2 INIT created %s inside the app's JVM", door, marker)
            .isFalse();
    }
}
