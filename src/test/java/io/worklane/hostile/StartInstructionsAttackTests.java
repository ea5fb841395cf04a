package io.worklane.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finding 2: an engine REST start that begins anywhere but the start event skips "Validate core attributes" (a
 * planted Handle work item task and no work_item row); variables outside the capture body, or of another type,
 * reach the process unchecked. Expected: 400, and no instance, task, row, job or incident.
 */
class StartInstructionsAttackTests extends HostileClientTest {

    @Override
    protected AttackClass attackClass() {
        return AttackClass.START_INSTRUCTIONS;
    }

    static Stream<Arguments> startsThatSkipValidation() {
        return Stream.of(
                Arguments.of("a Handle work item task planted for alice", Map.of("startInstructions",
                        List.of(Map.of("type", "startBeforeActivity", "activityId", "Activity_HandleWorkItem")))),
                Arguments.of("an item parked in Held", Map.of("startInstructions",
                        List.of(Map.of("type", "startBeforeActivity", "activityId", "Activity_Held")))),
                Arguments.of("an instance that ends at once", Map.of("startInstructions",
                        List.of(Map.of("type", "startBeforeActivity", "activityId", "Event_WorkItemCompleted")))),
                Arguments.of("listeners skipped", Map.of("skipCustomListeners", true, "startInstructions",
                        List.of(Map.of("type", "startBeforeActivity", "activityId", "Event_WorkItemCaptured")))),
                Arguments.of("input/output mappings skipped", Map.of("skipIoMappings", true, "startInstructions",
                        List.of(Map.of("type", "startBeforeActivity", "activityId", "Event_WorkItemCaptured")))),
                Arguments.of("start instructions with everything skipped", Map.of("startInstructions",
                        List.of(Map.of("type", "startBeforeActivity", "activityId", "Activity_QueueWorkItem")),
                        "skipCustomListeners", true, "skipIoMappings", true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("startsThatSkipValidation")
    void aStartThatSkipsValidationIsRefused(String attack, Map<String, Object> options) {
        StoredObjects before = stored();
        Map<String, Object> body = new HashMap<>(options);
        // what the skipped steps would have set, so that the planted task can be created at all
        body.put("variables", Map.of("externalId", value("SI-1"), "assignee", value("alice"), "effectivePriority",
                typed(100, "Integer"), "effectiveDueAt", value("2030-01-01T00:00:00Z"), "classifiedDepartment",
                value("Sales")));

        var started = hostile(() -> sourceSystem("crm").post(START, body));
        StoredObjects added = storedSince(before);

        assertThat(count("SELECT COUNT(*) FROM act_ru_task")).as("%s: no task may exist after the refused start",
                attack).isEqualTo(before.tasks());
        assertThat(count("SELECT COUNT(*) FROM act_ru_execution WHERE id_ = proc_inst_id_"))
            .as("%s: no process instance may exist after the refused start", attack).isEqualTo(before.instances());
        assertThat(started.status()).as("%s: the start must be refused: %s", attack, started).isEqualTo(400);
        assertNothingStored(added, attack);
    }

    static Stream<Arguments> variablesOutsideTheCaptureBody() {
        return Stream.of(
                Arguments.of("an engine-internal variable (assignee)", "assignee", value("alice")),
                Arguments.of("a forged work item id", "workItemId", value("someone-elses-item")),
                Arguments.of("a forged actor", "actor", value("SUPERVISOR:boss")),
                Arguments.of("a mirrored value (effectivePriority)", "effectivePriority", typed(3000, "Integer")),
                Arguments.of("priority as a String", "priority", typed("5", "String")),
                Arguments.of("priority as a Double", "priority", typed(1.5, "Double")),
                Arguments.of("dueAt as a Date", "dueAt", typed("2027-01-01T00:00:00.000+0000", "Date")),
                Arguments.of("description as a Boolean", "description", typed(true, "Boolean")),
                Arguments.of("attributes as a String", "attributes", typed("{\"campaign\":\"x\"}", "String")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variablesOutsideTheCaptureBody")
    void aVariableOutsideTheCaptureBodyOrOfTheWrongTypeIsRefused(String attack, String name,
            Map<String, Object> variable) {
        StoredObjects before = stored();

        var started = hostile(() -> sourceSystem("crm").post(START, Map.of("variables",
                Map.of("externalId", value("SV-1"), name, variable))));
        StoredObjects added = storedSince(before);

        assertThat(started.status()).as("%s: the start must be refused: %s", attack, started).isEqualTo(400);
        assertNothingStored(added, attack);
    }
}
