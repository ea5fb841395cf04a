package io.worklane.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.worklane.ApiClient;
import io.worklane.ApiClient.Response;
import io.worklane.PostgresIntegrationTest;

/**
 * An attacker with an ordinary account (issue #14). Every hostile request goes through {@link #hostile}, so the
 * ledger counts it and the stack traces the app logs from then on; {@link #storedSince} counts what
 * a refused request left behind. Departments are Camunda groups of type DEPARTMENT, as in the demo data.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class HostileClientTest extends PostgresIntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);
    protected static final String START = "/engine-rest/process-definition/key/work-item/start";
    protected static final String ADMIN = "hostile-admin";

    @Autowired
    protected ManagementService managementService;

    @Autowired
    private AuthorizationService authorizationService;

    private CapturedOutput output;
    private int hostileFrom = -1;

    /** The finding the subclass replays: what the ledger files its requests under. */
    protected abstract AttackClass attackClass();

    @BeforeEach
    void captureTheLog(CapturedOutput output) {
        this.output = output;
        this.hostileFrom = -1;
        group("camunda-admin", "camunda-admin", "SYSTEM");
        group("sales", "sales", "DEPARTMENT");
        group("finance", "finance", "DEPARTMENT");
        group("all-departments", "all-departments", "WORKLANE");
        grantAdministratorsEverything();
    }

    @AfterEach
    void fileTheTest() {
        if (hostileFrom >= 0) {
            HostileLedger.logged(attackClass(), output.getAll().substring(hostileFrom));
        }
        HostileLedger.writeSummary();
    }

    /** Sends one hostile request: counted, and the app's log is watched for stack traces from here on. */
    protected Response hostile(Supplier<Response> request) {
        if (hostileFrom < 0) {
            hostileFrom = output.getAll().length();
        }
        HostileLedger.requestSent(attackClass());
        return request.get();
    }

    protected StoredObjects stored() {
        return StoredObjects.count(jdbc);
    }

    /**
     * Lets the job executor finish what the attack may have started and files what it added in the ledger;
     * called before any assertion, so that the summary counts what an attack that was not refused stored.
     */
    protected StoredObjects storedSince(StoredObjects before) {
        settleJobs();
        StoredObjects added = stored().addedSince(before);
        HostileLedger.stored(attackClass(), added);
        return added;
    }

    protected static void assertNothingStored(StoredObjects added, String attack) {
        assertThat(added).as("%s: objects stored half-way by a refused request", attack)
            .isEqualTo(new StoredObjects(0, 0, 0, 0, 0, 0, 0));
    }

    /** Stack trace lines the app logged since the first hostile request of this test. */
    protected long stackTraceLinesSinceFirstHostileRequest() {
        return output.getAll().substring(Math.max(0, hostileFrom)).lines().filter(line -> line.startsWith("\tat "))
            .count();
    }

    protected void settleJobs() {
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> managementService.createJobQuery().executable().count() == 0);
        }
        catch (ConditionTimeoutException stillBusy) {
            // counted as it stands: a job that keeps running is itself something the attack left behind
        }
    }

    protected ApiClient admin() {
        return member(ADMIN, "camunda-admin");
    }

    /** An agent of the department (Camunda group and profile), READY, created by an administrator. */
    protected ApiClient readyAgent(String id, String department, Map<String, Integer> skills, int capacity) {
        ApiClient agent = member(id, "agents", department);
        var saved = admin().put("/api/agents/" + id, Map.of("displayName", id, "skills", skills, "capacity",
                Map.of("workitem", capacity), "groups", List.of(department)));
        assertThat(saved.status()).as("setup: agent %s saved: %s", id, saved).isIn(200, 201);
        assertThat(agent.put("/api/agents/" + id + "/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        return agent;
    }

    protected String capture(ApiClient source, String externalId, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("externalId", externalId);
        var captured = source.post("/api/work-items", body);
        assertThat(captured.status()).as("setup: capture %s: %s", externalId, captured).isEqualTo(201);
        return captured.text("id");
    }

    protected String captureInState(ApiClient source, String externalId, Map<String, Object> fields, String state) {
        String id = capture(source, externalId, fields);
        await().atMost(PATIENCE).until(() -> stateOf(id), state::equals);
        return id;
    }

    protected Map<String, Object> row(String id) {
        return jdbc.queryForMap("SELECT * FROM work_item WHERE id = ?", id);
    }

    /** The open task of the item (Handle work item or Answer offer), as its assignee sees it. */
    protected String taskOf(String itemId) {
        List<String> tasks = jdbc.queryForList("SELECT t.id_ FROM act_ru_task t JOIN act_ru_execution e "
                + "ON e.id_ = t.proc_inst_id_ WHERE e.business_key_ = ?", String.class, itemId);
        assertThat(tasks).as("setup: one open task for item %s", itemId).hasSize(1);
        return tasks.get(0);
    }

    protected int tasksOf(String itemId) {
        return count("SELECT COUNT(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ "
                + "WHERE e.business_key_ = ?", itemId);
    }

    protected static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    protected static Map<String, Object> typed(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    /** As Camunda's first-user setup (and the demo data) does: the test profile has no administrator. */
    private void grantAdministratorsEverything() {
        for (Resource resource : Resources.values()) {
            boolean granted = authorizationService.createAuthorizationQuery().groupIdIn("camunda-admin")
                .resourceType(resource).resourceId(Authorization.ANY).count() > 0;
            if (!granted) {
                Authorization all = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                all.setGroupId("camunda-admin");
                all.setResource(resource);
                all.setResourceId(Authorization.ANY);
                all.addPermission(Permissions.ALL);
                authorizationService.saveAuthorization(all);
            }
        }
    }
}
