package io.worklane.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;
import io.worklane.ApiClient.Response;

/**
 * Finding 4, second half: Cockpit's generic operations over the engine REST API. A supervisor's modification
 * planted a second Handle work item task; a variable edit of a mirrored value saved and changed nothing; an admin
 * deleting an instance left the item QUEUED forever. Expected: variable set/remove/modification/correlation on
 * work-item instances refused for non-admins with nothing changed; a deletion cancels the item, actor the admin.
 */
class InstanceTamperingAttackTests extends HostileClientTest {

    @Override
    protected AttackClass attackClass() {
        return AttackClass.INSTANCE_TAMPERING;
    }

    @Test
    void aSupervisorCannotModifyCorrelateOrSetVariablesOnAWorkItemInstance() {
        ApiClient supervisor = member("hostile-sofia", "supervisors", "sales");
        readyAgent("alice", "sales", Map.of("Sales Processing", 9), 2);
        String id = captureInState(sourceSystem("crm"), "IT-1", Map.of("requestType", "Lead"), "IN_PROGRESS");
        String instance = (String) row(id).get("process_instance_id");
        String path = "/engine-rest/process-instance/" + instance;
        Map<String, Object> before = row(id);
        StoredObjects stored = stored();
        String variablesBefore = variablesOf(instance);

        SoftAssertions soft = new SoftAssertions();
        Response modified = hostile(() -> supervisor.post(path + "/modification", Map.of("instructions",
                List.of(Map.of("type", "startBeforeActivity", "activityId", "Activity_HandleWorkItem")))));
        soft.assertThat(modified.status()).as("supervisor's modification: %s", modified).isIn(400, 403);
        soft.assertThat(tasksOf(id)).as("open tasks of the item after the modification (2 = one planted)").isOne();
        // in the order Cockpit offers them; the message last, as it would end the instance
        Map<String, Response> answers = new LinkedHashMap<>();
        answers.put("PUT effectivePriority (Cockpit's variable edit)", hostile(() -> supervisor.put(path
                + "/variables/effectivePriority", typed(2999, "Integer"))));
        answers.put("POST variables (modify department, remove assignee)", hostile(() -> supervisor.post(path
                + "/variables", Map.of("modifications", Map.of("department", value("Finance")), "deletions",
                        List.of("assignee")))));
        answers.put("DELETE variable workItemId", hostile(() -> supervisor.delete(path + "/variables/workItemId")));
        answers.put("message WorkItem.Cancel", hostile(() -> supervisor.post("/engine-rest/message",
                Map.of("messageName", "WorkItem.Cancel", "processInstanceId", instance))));
        answers.forEach((attack, answer) -> soft.assertThat(answer.status())
            .as("supervisor over engine REST, %s: %s", attack, answer).isIn(400, 403));
        StoredObjects added = storedSince(stored);
        soft.assertThat(variablesOf(instance)).as("the instance's variables after refused edits")
            .isEqualTo(variablesBefore);
        soft.assertThat(row(id)).as("work_item after the refused operations").isEqualTo(before);
        soft.assertThat(added).as("objects stored half-way").isEqualTo(new StoredObjects(0, 0, 0, 0, 0, 0, 0));
        soft.assertAll();
    }

    @Test
    void anAdministratorDeletingAnInstanceCancelsTheItemInTheirName() {
        String id = captureInState(sourceSystem("crm"), "IT-2", Map.of("requestType", "Lead"), "QUEUED");
        String instance = (String) row(id).get("process_instance_id");

        var deleted = hostile(() -> admin().delete("/engine-rest/process-instance/" + instance));

        assertThat(deleted.status()).as("admin deletes the instance: %s", deleted).isEqualTo(204);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stateOf(id))
            .as("the item after its process instance was deleted (QUEUED forever = the finding)")
            .isEqualTo("CANCELED"));
        assertThat(jdbc.queryForList("SELECT actor_id FROM work_item_event WHERE work_item_id = ? AND type = "
                + "'CANCELED'", String.class, id)).as("the CANCELED event's actor").containsExactly(ADMIN);
        assertThat(count("SELECT COUNT(*) FROM work_item WHERE state = 'QUEUED'")).isZero();
    }

    private String variablesOf(String instance) {
        return jdbc.queryForList("SELECT name_ || '=' || coalesce(text_, '') || coalesce(cast(long_ AS varchar), '') "
                + "FROM act_ru_variable WHERE proc_inst_id_ = ? ORDER BY name_, id_", String.class, instance).toString();
    }
}
