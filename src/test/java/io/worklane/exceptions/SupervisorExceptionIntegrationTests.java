package io.worklane.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/**
 * Exception tasks over the real supervisor-exception.bpmn and resolve-exception.form: raised for the department's
 * supervisors only, resolved through the form as that supervisor, ended by themselves when the cause goes.
 */
class SupervisorExceptionIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private ExceptionWatch watch;

    @Autowired
    private TaskService taskService;

    @Autowired
    private io.worklane.agent.Agents agents;

    private ApiClient sofia;
    private ApiClient crm;

    @BeforeEach
    void departments() {
        department("sales", "Sales");
        department("finance", "Finance");
        sofia = member("sofia-exc", "supervisors", "sales");
        member("sam-exc", "supervisors", "finance");
        crm = sourceSystem("crm");
        agentOf("alice-exc", "sales", Map.of("Sales Processing", 9));
        agentOf("carol-exc", "finance", Map.of("Finance Processing", 9));
    }

    @Test
    void anOverdueItemIsRaisedToItsDepartmentsSupervisorsWhoGiveItToAnAgent() {
        String id = overdueItem("EXC-1");

        watch.look();
        Task task = exceptionTask();
        assertThat(task.getName()).isEqualTo("Overdue: EXC-1");
        assertThat(taskService.createTaskQuery().taskCandidateUser("sofia-exc").count()).isOne();
        assertThat(taskService.createTaskQuery().taskCandidateUser("sam-exc").count()).as("Finance's supervisor")
            .isZero();
        watch.look();
        assertThat(taskService.createTaskQuery().processDefinitionKey("supervisor-exception").count())
            .as("raised once").isOne();

        // another department's agent is refused in words, and the task stays
        var foreign = resolve(task, Map.of("resolution", value("REASSIGN"), "agent", value("carol-exc")));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.text("detail")).contains("not an agent of your departments");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();

        var resolved = resolve(task, Map.of("resolution", value("REASSIGN"), "agent", value("alice-exc")));
        assertThat(resolved.status()).as("%s", resolved).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT preferred_agent FROM work_item WHERE id = ?", String.class, id))
            .isEqualTo("alice-exc");
        watch.look();
        assertThat(taskService.createTaskQuery().processDefinitionKey("supervisor-exception").count())
            .as("acknowledged: not raised again while the cause lasts").isZero();

        assertThat(as("alice-exc").put("/api/agents/alice-exc/presence", Map.of("state", "READY")).status())
            .isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(id)));
        watch.look();
        assertThat(count("SELECT COUNT(*) FROM supervisor_exception")).as("the cause is gone").isZero();
    }

    @Test
    void anExceptionWhoseCauseGoesAwayEndsByItself() {
        String id = overdueItem("EXC-2");
        watch.look();
        Task task = exceptionTask();

        assertThat(crm.post("/api/work-items/" + id + "/hold", null).status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "HELD".equals(stateOf(id)));
        watch.look();

        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).count())
            .isZero();
        assertThat(count("SELECT COUNT(*) FROM supervisor_exception")).isZero();
    }

    @Test
    void aParkedItemLeftUntouchedIsReturnedToTheQueue() {
        ApiClient alice = as("alice-exc");
        assertThat(alice.put("/api/agents/alice-exc/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        String id = crm.post("/api/work-items", Map.of("externalId", "EXC-3", "requestType", "Lead")).text("id");
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(id)));
        assertThat(alice.put("/api/agents/alice-exc/presence", Map.of("state", "NOT_READY", "reason", "Lunch"))
            .status()).isEqualTo(200);
        assertThat(alice.post("/api/agents/alice-exc/items/" + id + "/park", Map.of()).status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "PARKED".equals(stateOf(id)));

        // untouched for longer than the test profile's second: the watch raises it then
        await().atMost(PATIENCE).until(() -> {
            watch.look();
            return taskService.createTaskQuery().processDefinitionKey("supervisor-exception").count() == 1;
        });
        Task task = exceptionTask();
        assertThat(task.getName()).isEqualTo("Parked and untouched: EXC-3");
        var resolved = resolve(task, Map.of("resolution", value("RETURN_TO_QUEUE")));
        assertThat(resolved.status()).as("%s", resolved).isEqualTo(204);
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(id)));
        assertThat(count("SELECT COUNT(*) FROM work_item_event WHERE work_item_id = ? AND type = 'RETURNED_TO_QUEUE' "
                + "AND actor_type = 'SUPERVISOR' AND actor_id = 'sofia-exc'", id)).isOne();
    }

    @Test
    void anAgentWhoMissedTwoOffersInARowIsSetReadyByTheirSupervisor() {
        String id = crm.post("/api/work-items", Map.of("externalId", "EXC-4", "requestType", "Lead")).text("id");
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(id)));
        // two offers ran out (as the router records them), the agent NOT_READY with reason RONA
        for (int minutesAgo : new int[] { 6, 3 }) {
            jdbc.update("INSERT INTO work_item_event (work_item_id, type, state, actor_type, actor_id, occurred_at, "
                    + "agent_id) VALUES (?, 'RONA', 'QUEUED', 'TIMER', 'rona', ?, 'alice-exc')", id,
                    java.sql.Timestamp.from(Instant.now().minusSeconds(60L * minutesAgo)));
        }
        agents.markNoAnswer("alice-exc");

        watch.look();
        Task task = exceptionTask();
        assertThat(task.getName()).isEqualTo("Two offers missed: alice-exc");
        assertThat(taskService.createTaskQuery().taskCandidateUser("sam-exc").count()).isZero();
        var resolved = resolve(task, Map.of("resolution", value("SET_READY")));
        assertThat(resolved.status()).as("%s", resolved).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT presence FROM agent WHERE id = 'alice-exc'", String.class))
            .isEqualTo("READY");
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(id)));
        watch.look();
        assertThat(count("SELECT COUNT(*) FROM supervisor_exception")).as("READY again: the cause is gone").isZero();
    }

    @Test
    void aResolutionTheExceptionDoesNotOfferIsRefusedAndTheTaskStays() {
        overdueItem("EXC-5");
        watch.look();
        Task task = exceptionTask();
        var refused = resolve(task, Map.of("resolution", value("SET_READY")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("detail")).contains("not offered for this exception");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(count("SELECT COUNT(*) FROM supervisor_exception WHERE status = 'OPEN'")).isOne();
    }

    @Test
    void aMissingConfirmationARejectedCaptureAndAFailingStepAreRaisedToo() {
        // a Finance item whose source never confirmed it (as the confirmation timer records it)
        String invoice = crm.post("/api/work-items", Map.of("externalId", "EXC-6", "requestType", "Invoice")).text("id");
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(invoice)));
        jdbc.update("INSERT INTO work_item_event (work_item_id, type, state, actor_type, actor_id, occurred_at) "
                + "VALUES (?, 'CONFIRMATION_OVERDUE', 'QUEUED', 'TIMER', 'confirmation', ?)", invoice,
                java.sql.Timestamp.from(Instant.now().minusSeconds(60)));
        // a start the rules rejected (no external id), as a start that bypasses the capture API's checks would be
        runtimeService.startProcessInstanceByKey("work-item", Map.of("sourceSystem", "crm", "requestType", "Lead"));
        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM work_item WHERE state = 'REJECTED'") == 1);
        // a step of a Sales item that keeps failing
        String lead = crm.post("/api/work-items", Map.of("externalId", "EXC-7", "requestType", "Lead")).text("id");
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(lead)));
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM work_item WHERE id = ?", String.class,
                lead);
        String waiting = runtimeService.createExecutionQuery().processInstanceId(instance)
            .activityId("Activity_WaitForAgent").singleResult().getId();
        var incident = runtimeService.createIncident("contextLookup", waiting, "crm", "crm answered 503 three times");

        watch.look();
        String rejectedItem = jdbc.queryForObject("SELECT id FROM work_item WHERE state = 'REJECTED'", String.class);
        String rejectedTitle = "Rejected at capture: item " + rejectedItem.substring(0, 8);
        assertThat(taskService.createTaskQuery().processDefinitionKey("supervisor-exception").list())
            .extracting(Task::getName)
            .containsExactlyInAnyOrder("No confirmation from the source: EXC-6", "Context source failing: EXC-7",
                    rejectedTitle);
        assertThat(taskService.createTaskQuery().taskCandidateUser("sam-exc").list()).extracting(Task::getName)
            .containsExactly("No confirmation from the source: EXC-6");
        assertThat(taskService.createTaskQuery().taskCandidateUser("sofia-exc").list()).extracting(Task::getName)
            .containsExactly("Context source failing: EXC-7");

        ApiClient sam = as("sam-exc");
        Task confirmation = taskService.createTaskQuery().taskCandidateUser("sam-exc").singleResult();
        assertThat(sam.post("/engine-rest/task/" + confirmation.getId() + "/claim", Map.of("userId", "sam-exc"))
            .status()).isEqualTo(204);
        var canceled = sam.post("/engine-rest/task/" + confirmation.getId() + "/complete", Map.of("variables",
                Map.of("resolution", value("CANCEL"))));
        assertThat(canceled.status()).as("%s", canceled).isEqualTo(204);
        await().atMost(PATIENCE).until(() -> "CANCELED".equals(stateOf(invoice)));

        runtimeService.resolveIncident(incident.getId());
        watch.look();
        assertThat(taskService.createTaskQuery().processDefinitionKey("supervisor-exception").list())
            .extracting(Task::getName).containsExactly(rejectedTitle);
    }

    @Test
    void variablesSentWithTheCompletionNeverChooseWhatTheResolutionActsOn() {
        String overdue = overdueItem("EXC-8");
        String other = crm.post("/api/work-items", Map.of("externalId", "EXC-9", "requestType", "Lead")).text("id");
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(other)));
        watch.look();
        Task task = exceptionTask();

        var forged = resolve(task, Map.of("resolution", value("HOLD"), "workItemId", value(other), "exceptionKind",
                value("RONA_TWICE"), "agentId", value("alice-exc")));
        assertThat(forged.status()).as("%s", forged).isEqualTo(204);
        await().atMost(PATIENCE).until(() -> "HELD".equals(stateOf(overdue)));
        assertThat(stateOf(other)).as("the item the forged variable named").isEqualTo("QUEUED");
    }

    @Test
    void aSupervisorWhoLeftTheDepartmentCannotDismissItsException() {
        overdueItem("EXC-10");
        watch.look();
        Task task = exceptionTask();
        identityService.deleteMembership("sofia-exc", "sales");
        try {
            var refused = resolve(task, Map.of("resolution", value("ACKNOWLEDGE")));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.text("detail")).contains("department you do not supervise");
            assertThat(count("SELECT COUNT(*) FROM supervisor_exception WHERE status = 'OPEN'")).isOne();
        }
        finally {
            identityService.createMembership("sofia-exc", "sales");
        }
    }

    private ApiClient.Response resolve(Task task, Map<String, Object> variables) {
        var claimed = sofia.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "sofia-exc"));
        assertThat(claimed.status()).as("claim: %s", claimed).isEqualTo(204);
        return sofia.post("/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", variables));
    }

    private Task exceptionTask() {
        List<Task> tasks = taskService.createTaskQuery().processDefinitionKey("supervisor-exception").list();
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private String overdueItem(String externalId) {
        String id = crm.post("/api/work-items", Map.of("externalId", externalId, "requestType", "Lead", "dueAt",
                Instant.now().minusSeconds(3600).toString())).text("id");
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(id)));
        return id;
    }

    private void agentOf(String id, String department, Map<String, Integer> skills) {
        member(id, "agents", department);
        var saved = supervisor().put("/api/agents/" + id, Map.of("displayName", id, "skills", skills, "capacity",
                Map.of("workitem", 1), "groups", List.of(department)));
        assertThat(saved.status()).as("%s", saved).isIn(200, 201);
    }

    private static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }
}
