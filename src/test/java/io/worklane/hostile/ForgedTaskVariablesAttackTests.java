package io.worklane.hostile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;

/**
 * Finding 3: completing a task over the engine REST API takes any variable; an agent's forged department,
 * priority, due date, segment, source link or attributes were copied into work_item at the source system's next
 * PATCH, and a forged {@code actor} made every later operation answer 500. Expected: only the form's own fields
 * with allowed values (400 otherwise, the task still open), and work_item never takes a user-set variable.
 */
class ForgedTaskVariablesAttackTests extends HostileClientTest {

    /** The row's columns an agent must never reach; contact_number is what the source's PATCH changes. */
    private static final List<String> PROTECTED = List.of("department", "process", "customer_segment", "product",
            "request_type", "deal_value", "description", "source_url", "attributes", "priority", "due_at",
            "preferred_agent", "media_type", "state", "assignee");

    @Override
    protected AttackClass attackClass() {
        return AttackClass.FORGED_TASK_VARIABLES;
    }

    @Test
    void forgedAttributesOnCompletionNeverReachTheRow() {
        ApiClient crm = sourceSystem("crm");
        ApiClient alice = readyAgent("alice", "sales", Map.of("Sales Processing", 9), 1);
        String id = captureInState(crm, "FV-1", Map.of("requestType", "Quote", "customerSegment", "Gold",
                "description", "original", "sourceUrl", "https://crm.example/FV-1", "dealValue", 100),
                "IN_PROGRESS");
        String task = taskOf(id);
        Map<String, Object> original = protectedColumns(id);
        Map<String, Object> forged = new HashMap<>(Map.of("action", value("PARK"), "department", value("Finance"),
                "priority", typed(1, "Integer"), "dueAt", value("2020-01-01T00:00:00Z"), "customerSegment",
                value("Bronze"), "sourceUrl", value("javascript:alert(document.cookie)"), "description",
                value("forged"), "dealValue", typed(1, "Double"), "preferredAgent", value("mallory")));
        forged.put("attributes", Map.of("type", "Json", "value", "{\"forged\":true}"));

        var completed = hostile(() -> alice.post("/engine-rest/task/" + task + "/complete", Map.of("variables", forged)));
        settleJobs();
        var patched = crm.patch("/api/work-items/" + id, Map.of("contactNumber", "+49 30 1"));
        settleJobs();

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(completed.status()).as("completion with variables the form does not declare: %s", completed)
            .isEqualTo(400);
        soft.assertThat(tasksOf(id)).as("the task is still open after the refused completion").isOne();
        soft.assertThat(patched.status()).as("the source's PATCH after the attack: %s", patched).isEqualTo(200);
        soft.assertThat(protectedColumns(id)).as("work_item after the source's next PATCH: forged values copied in")
            .isEqualTo(original);
        soft.assertAll();
    }

    @Test
    void noBpmnErrorClaimOrStrangersCompletionMovesTheTask() {
        ApiClient crm = sourceSystem("crm");
        ApiClient alice = readyAgent("alice", "sales", Map.of("Sales Processing", 9), 1);
        ApiClient bob = readyAgent("bob", "sales", Map.of("Sales Processing", 1), 1);
        String id = captureInState(crm, "FV-3", Map.of("requestType", "Quote"), "IN_PROGRESS");
        String task = "/engine-rest/task/" + taskOf(id);
        Map<String, Object> before = row(id);

        // a BPMN error ends the task's scope past its form, with whatever variables it carries
        var error = hostile(() -> alice.post(task + "/bpmnError", Map.of("errorCode", "x", "variables",
                Map.of("nextStep", value("DONE"), "assignee", value("bob")))));
        var escalation = hostile(() -> alice.post(task + "/bpmnEscalation", Map.of("escalationCode", "x")));
        // claim(null) then claim(other) would hand the task on behind the router
        var unclaimed = hostile(() -> alice.post(task + "/claim", Map.of()));
        var handedOn = hostile(() -> alice.post(task + "/claim", Map.of("userId", "crm")));
        var stranger = hostile(() -> bob.post(task + "/complete", Map.of("variables", Map.of())));
        settleJobs();

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(error.status()).as("bpmnError on a work item task: %s", error).isEqualTo(403);
        soft.assertThat(escalation.status()).as("bpmnEscalation on a work item task: %s", escalation).isEqualTo(403);
        soft.assertThat(unclaimed.status()).as("claim without a user: %s", unclaimed).isIn(403);
        soft.assertThat(handedOn.status()).as("claim for crm: %s", handedOn).isIn(403);
        soft.assertThat(stranger.status()).as("another agent completes alice's task: %s", stranger).isIn(403, 404);
        soft.assertThat(tasksOf(id)).as("alice's task is still open").isOne();
        soft.assertThat(row(id)).as("the row after the attempts").isEqualTo(before);
        soft.assertAll();
    }

    @Test
    void tasklistsAssignmentControlsAreRefusedInWordsAndChangeNothing() {
        ApiClient crm = sourceSystem("crm");
        readyAgent("alice", "sales", Map.of("Sales Processing", 9), 1);
        member("bob", "agents", "sales");
        ApiClient admin = admin();
        String id = captureInState(crm, "FV-4", Map.of("requestType", "Quote"), "IN_PROGRESS");
        String task = "/engine-rest/task/" + taskOf(id);
        Map<String, Object> before = row(id);
        Map<String, Object> taskBefore = taskRow(id);

        // what Tasklist offers on a task card: unclaim, reassign, due and follow-up dates, groups; even an admin
        var attempts = Map.of(
                "unclaim", hostile(() -> admin.post(task + "/unclaim", Map.of())),
                "set assignee", hostile(() -> admin.post(task + "/assignee", Map.of("userId", "bob"))),
                "delegate", hostile(() -> admin.post(task + "/delegate", Map.of("userId", "bob"))),
                "update due and follow-up", hostile(() -> admin.put(task, Map.of("name", "Handle work item",
                        "due", "2020-01-01T00:00:00.000+0000", "followUp", "2020-01-01T00:00:00.000+0000",
                        "assignee", "alice", "priority", 1))),
                "add group", hostile(() -> admin.post(task + "/identity-links", Map.of("groupId", "sales",
                        "type", "candidate"))),
                "remove assignee link", hostile(() -> admin.post(task + "/identity-links/delete",
                        Map.of("userId", "alice", "type", "assignee"))));
        settleJobs();

        SoftAssertions soft = new SoftAssertions();
        attempts.forEach((attempt, response) -> {
            soft.assertThat(response.status()).as("%s: %s", attempt, response).isEqualTo(403);
            soft.assertThat(response.text("detail")).as("%s: a sentence a person understands", attempt)
                .contains("router assigns work items").doesNotContain("Exception").doesNotContain("permission");
        });
        soft.assertThat(taskRow(id)).as("the task after the attempts").isEqualTo(taskBefore);
        soft.assertThat(count("SELECT COUNT(*) FROM act_ru_identitylink l JOIN act_ru_task t ON t.id_ = l.task_id_ "
                + "JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ WHERE e.business_key_ = ?", id))
            .as("identity links on the task").isZero();
        soft.assertThat(row(id)).as("the row after the attempts").isEqualTo(before);
        soft.assertAll();
    }

    private Map<String, Object> taskRow(String itemId) {
        return jdbc.queryForMap("SELECT t.assignee_, t.owner_, t.due_date_, t.follow_up_date_, t.priority_, t.name_ "
                + "FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ WHERE e.business_key_ = ?",
                itemId);
    }

    @Test
    void aForgedActorOnCompletionIsRefusedAndLaterOperationsStillWork() {
        ApiClient crm = sourceSystem("crm");
        ApiClient alice = readyAgent("alice", "sales", Map.of("Sales Processing", 9), 1);
        String id = captureInState(crm, "FV-2", Map.of("requestType", "Quote"), "IN_PROGRESS");

        var completed = hostile(() -> alice.post("/engine-rest/task/" + taskOf(id) + "/complete", Map.of("variables",
                Map.of("action", value("PARK"), "actor", value("SUPERVISOR:boss")))));
        settleJobs();
        var held = crm.post("/api/work-items/" + id + "/hold", null);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(completed.status()).as("completion with a forged actor variable: %s", completed)
            .isEqualTo(400);
        soft.assertThat(held.status()).as("the source's hold after the forged actor (500 = item bricked): %s", held)
            .isEqualTo(200);
        soft.assertThat(count("SELECT COUNT(*) FROM work_item_event WHERE work_item_id = ? AND actor_id = 'boss'", id))
            .as("events recorded in the forged actor's name").isZero();
        soft.assertAll();
    }

    @Test
    void formFieldsTakeOnlyTheirAllowedValues() {
        ApiClient alice = readyAgent("alice", "sales", Map.of("Sales Processing", 9), 1);
        String id = captureInState(sourceSystem("crm"), "FV-3", Map.of("requestType", "Quote"), "IN_PROGRESS");
        String task = taskOf(id);
        ApiClient manny = member("manny", "agents", "sales");
        admin().put("/api/agents/manny", Map.of("displayName", "manny", "skills", Map.of("Sales Processing", 9),
                "capacity", Map.of("workitem", 1), "groups", List.of("sales"), "answerMode", "MANUAL"));
        manny.put("/api/agents/manny/presence", Map.of("state", "READY"));
        String offered = captureInState(sourceSystem("crm"), "FV-4", Map.of("requestType", "Quote"), "OFFERED");

        SoftAssertions soft = new SoftAssertions();
        for (Map<String, Object> variables : List.of(Map.<String, Object>of("action", value("EXPLODE")),
                Map.<String, Object>of("action", value("DONE"), "disposition", value("Not a code")),
                Map.<String, Object>of("action", typed(1, "Integer")))) {
            var completed = hostile(() -> alice.post("/engine-rest/task/" + task + "/complete",
                    Map.of("variables", variables)));
            soft.assertThat(completed.status()).as("handling completed with %s: %s", variables, completed)
                .isEqualTo(400);
        }
        var answered = hostile(() -> manny.post("/engine-rest/task/" + taskOf(offered) + "/complete",
                Map.of("variables", Map.of("offerAnswer", value("MAYBE")))));
        soft.assertThat(answered.status()).as("offer answered MAYBE: %s", answered).isEqualTo(400);
        settleJobs();
        soft.assertThat(stateOf(id)).as("the handled item after refused completions").isEqualTo("IN_PROGRESS");
        soft.assertThat(stateOf(offered)).as("the offered item after a refused answer").isEqualTo("OFFERED");
        soft.assertThat(tasksOf(id) + tasksOf(offered)).as("both tasks still open").isEqualTo(2);
        soft.assertAll();
    }

    private Map<String, Object> protectedColumns(String id) {
        return jdbc.queryForMap("SELECT " + String.join(", ", PROTECTED) + " FROM work_item WHERE id = ?", id);
    }
}
