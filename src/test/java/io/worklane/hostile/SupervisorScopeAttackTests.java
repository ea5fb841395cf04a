package io.worklane.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;
import io.worklane.ApiClient.Response;

/**
 * Finding 4, first half: a Sales supervisor read, held and canceled Finance items and edited Finance agents, and
 * could make a source-system user an agent. Expected: supervisors act within the departments they are members
 * of (404 for another department's items, 403/404 for its agents); {@code all-departments} sees everything.
 */
class SupervisorScopeAttackTests extends HostileClientTest {

    private ApiClient salesSupervisor;
    private ApiClient financeSupervisor;

    @Override
    protected AttackClass attackClass() {
        return AttackClass.SUPERVISOR_SCOPE;
    }

    @BeforeEach
    void supervisorsOfTwoDepartments() {
        salesSupervisor = member("hostile-sofia", "supervisors", "sales");
        financeSupervisor = member("hostile-sam", "supervisors", "finance");
    }

    @Test
    void aSupervisorCannotSeeOrChangeAnotherDepartmentsItems() {
        String finance = captureInState(sourceSystem("crm"), "SC-1", Map.of("department", "Finance",
                "requestType", "Invoice"), "QUEUED");
        assertThat(financeSupervisor.get("/api/work-items/" + finance).status())
            .as("setup: the Finance supervisor sees the Finance item").isEqualTo(200);
        Map<String, Object> before = row(finance);
        int events = count("SELECT COUNT(*) FROM work_item_event WHERE work_item_id = ?", finance);

        SoftAssertions soft = new SoftAssertions();
        String item = "/api/work-items/" + finance;
        for (var call : List.of(call("GET " + item, () -> salesSupervisor.get(item)),
                call("GET " + item + "/history", () -> salesSupervisor.get(item + "/history")),
                call("PATCH " + item, () -> salesSupervisor.patch(item, Map.of("description", "moved by sales"))),
                call("POST " + item + "/hold", () -> salesSupervisor.post(item + "/hold", null)),
                call("POST " + item + "/cancel", () -> salesSupervisor.post(item + "/cancel", null)),
                call("POST " + item + "/complete", () -> salesSupervisor.post(item + "/complete", null)))) {
            Response answer = hostile(call.request());
            soft.assertThat(answer.status()).as("Sales supervisor: %s of a Finance item: %s", call.name(), answer)
                .isEqualTo(404);
        }
        Response queue = hostile(() -> salesSupervisor.get("/api/queue?department=Finance&limit=50"));
        soft.assertThat(queue.status() >= 400 || !queue.body().toString().contains(finance))
            .as("Sales supervisor reads the Finance queue: %s", queue).isTrue();
        settleJobs();
        soft.assertThat(row(finance)).as("the Finance item after the Sales supervisor's calls").isEqualTo(before);
        soft.assertThat(count("SELECT COUNT(*) FROM work_item_event WHERE work_item_id = ?", finance))
            .as("events added to the Finance item").isEqualTo(events);
        soft.assertAll();
    }

    @Test
    void aSupervisorCannotEditAnotherDepartmentsAgents() {
        readyAgent("carol", "finance", Map.of("Finance Processing", 8), 2);
        String before = admin().get("/api/agents/carol").body().toString();

        var edited = hostile(() -> salesSupervisor.put("/api/agents/carol", Map.of("displayName", "carol",
                "skills", Map.of("Sales Processing", 10), "capacity", Map.of("workitem", 9), "groups",
                List.of("sales"))));
        var presence = hostile(() -> salesSupervisor.put("/api/agents/carol/presence",
                Map.of("state", "NOT_READY", "reason", "Lunch")));
        var read = hostile(() -> salesSupervisor.get("/api/agents/carol"));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(edited.status()).as("Sales supervisor replaces a Finance agent's profile: %s", edited)
            .isIn(403, 404);
        soft.assertThat(presence.status()).as("Sales supervisor sets a Finance agent NOT_READY: %s", presence)
            .isIn(403, 404);
        soft.assertThat(read.status()).as("Sales supervisor reads a Finance agent: %s", read).isIn(403, 404);
        soft.assertThat(admin().get("/api/agents/carol").body().toString()).as("carol's profile afterwards")
            .isEqualTo(before);
        soft.assertThat(financeSupervisor.get("/api/agents/carol").status()).as("her own supervisor still reads it")
            .isEqualTo(200);
        soft.assertAll();
    }

    @Test
    void aSupervisorChangesOnlyTheSkillsOfTheirDepartments() {
        readyAgent("alice", "sales", Map.of("Sales Processing", 9, "General Processing", 5), 2);
        String before = admin().get("/api/agents/alice").body().path("skills").toString();

        // a Finance skill would route Finance items to alice; General Processing routes every department's
        var finance = hostile(() -> salesSupervisor.put("/api/agents/alice", Map.of("displayName", "alice", "skills",
                Map.of("Sales Processing", 9, "General Processing", 5, "Finance Processing", 10), "capacity",
                Map.of("workitem", 2))));
        var general = hostile(() -> salesSupervisor.put("/api/agents/alice", Map.of("displayName", "alice", "skills",
                Map.of("Sales Processing", 9, "General Processing", 9), "capacity", Map.of("workitem", 2))));
        String afterRefusals = admin().get("/api/agents/alice").body().path("skills").toString();
        var own = salesSupervisor.put("/api/agents/alice", Map.of("displayName", "alice", "skills",
                Map.of("Sales Processing", 7, "General Processing", 5), "capacity", Map.of("workitem", 2)));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(finance.status()).as("Sales supervisor grants a Finance skill: %s", finance).isEqualTo(403);
        soft.assertThat(general.status()).as("Sales supervisor changes an every-department skill: %s", general)
            .isEqualTo(403);
        soft.assertThat(afterRefusals).as("alice's skills after the refusals").isEqualTo(before);
        soft.assertThat(own.status()).as("her own department's skill, the other left as it was: %s", own)
            .isEqualTo(200);
        soft.assertAll();
    }

    @Test
    void aSourceSystemUserCannotBeMadeAnAgent() {
        sourceSystem("crm");
        StoredObjects before = stored();

        var made = hostile(() -> salesSupervisor.put("/api/agents/crm", Map.of("displayName", "crm", "skills",
                Map.of("Sales Processing", 10), "capacity", Map.of("workitem", 5), "groups", List.of("sales"))));
        StoredObjects added = storedSince(before);

        assertThat(made.status()).as("a source-system user made an agent: %s", made).isBetween(400, 499);
        assertThat(count("SELECT COUNT(*) FROM agent WHERE id = 'crm'")).as("agent row for crm").isZero();
        assertNothingStored(added, "source-system user made an agent");
    }

    @Test
    void noMembershipMakesASourceSystemAPersonOrAPersonASourceSystem() {
        sourceSystem("crm");
        member("alice", "agents", "sales");

        var crmAsAgent = hostile(() -> admin().put("/engine-rest/group/agents/members/crm", null));
        var crmAsSupervisor = hostile(() -> admin().put("/engine-rest/group/supervisors/members/crm", null));
        var aliceAsSource = hostile(() -> admin().put("/engine-rest/group/source-systems/members/alice", null));

        assertThat(crmAsAgent.status()).as("crm into agents: %s", crmAsAgent).isEqualTo(403);
        assertThat(crmAsSupervisor.status()).as("crm into supervisors: %s", crmAsSupervisor).isEqualTo(403);
        assertThat(aliceAsSource.status()).as("alice into source-systems: %s", aliceAsSource).isEqualTo(403);
        assertThat(identityService.createGroupQuery().groupMember("crm").list()).extracting("id")
            .containsExactly("source-systems");
        assertThat(identityService.createGroupQuery().groupMember("alice").groupId("source-systems").count()).isZero();
    }

    @Test
    void theAllDepartmentsGroupSeesEveryDepartment() {
        ApiClient boss = member("hostile-boss", "supervisors", "all-departments");
        String finance = captureInState(sourceSystem("crm"), "SC-2", Map.of("department", "Finance",
                "requestType", "Invoice"), "QUEUED");
        String sales = captureInState(sourceSystem("crm"), "SC-3", Map.of("requestType", "Lead"), "QUEUED");

        // the control for the refusals above: scoping must not lock out those entitled to everything
        assertThat(boss.get("/api/work-items/" + finance).status()).isEqualTo(200);
        assertThat(boss.get("/api/work-items/" + sales).status()).isEqualTo(200);
        assertThat(salesSupervisor.get("/api/work-items/" + sales).status()).isEqualTo(200);
        assertThat(hostile(() -> salesSupervisor.get("/api/work-items/" + finance)).status())
            .as("Sales supervisor reads a Finance item").isEqualTo(404);
    }

    private record Call(String name, java.util.function.Supplier<Response> request) {
    }

    private static Call call(String name, java.util.function.Supplier<Response> request) {
        return new Call(name, request);
    }
}
