package io.worklane;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.worklane.security.LoginThrottle;
import io.worklane.security.SourceSystemTokens;
import io.worklane.security.WorklaneGroups;

/**
 * The whole application on PostgreSQL with its job executor and router running. All subclasses share one
 * application context; each test starts from an empty queue and no agents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EmbeddedDatabaseLifecycle.class)
public abstract class PostgresIntegrationTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabase.Coordinates database = TestDatabase.get();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
        TestContextSources.register(registry);
    }

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected RuntimeService runtimeService;

    @Autowired
    protected IdentityService identityService;

    @Autowired
    protected SourceSystemTokens sourceSystemTokens;

    @Autowired
    protected LoginThrottle loginThrottle;

    @Autowired
    protected TransactionTemplate transactions;

    @BeforeEach
    void emptyQueueAndNoAgents() {
        TestContextSources.resetCrm();
        // every test's calls come from 127.0.0.1: one test's failed logins must not block the next one
        loginThrottle.forgetAll();
        // the previous test's items may still be moving through the job executor: retry until all are gone
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(this::deleteAllWorkItemInstances);
        jdbc.update("DELETE FROM model_deployment");
        jdbc.update("DELETE FROM supervisor_exception");
        jdbc.update("DELETE FROM bulk_operation_item");
        jdbc.update("DELETE FROM bulk_operation");
        forgetReportFacts();
        // with its outbox: nothing is written to it once no one subscribes
        jdbc.update("DELETE FROM webhook_subscription");
        jdbc.update("DELETE FROM work_item_event");
        jdbc.update("DELETE FROM work_item");
        jdbc.update("DELETE FROM agent");
    }

    /** Under the fold lock, so that a fold under way does not write back what it read before. */
    private void forgetReportFacts() {
        transactions.executeWithoutResult(status -> {
            jdbc.queryForList("SELECT id FROM report_fold WHERE id = 1 FOR UPDATE", Integer.class);
            for (String table : new String[] { "report_inbox", "report_fact", "report_duration", "report_presence" }) {
                jdbc.update("DELETE FROM " + table);
            }
        });
    }

    private boolean deleteAllWorkItemInstances() {
        var instances = runtimeService.createProcessInstanceQuery()
            .processDefinitionKeyIn("work-item", "supervisor-exception")
            .list()
            .stream()
            .map(ProcessInstance::getId)
            .toList();
        if (!instances.isEmpty()) {
            runtimeService.deleteProcessInstances(instances, "test cleanup", true, true, true);
        }
        return runtimeService.createProcessInstanceQuery().processDefinitionKeyIn("work-item", "supervisor-exception")
            .count() == 0;
    }

    /**
     * Calls the API as this user (created on first use with password = id, in these groups): a person with HTTP
     * Basic, a source system with a new API token of its own.
     */
    protected ApiClient as(String userId, String... groups) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setPassword(userId);
            // a name, as people have: the webapps' header shows it
            user.setFirstName(Character.toUpperCase(userId.charAt(0)) + userId.substring(1));
            user.setLastName("Tester");
            identityService.saveUser(user);
            for (String group : groups) {
                identityService.createMembership(userId, group);
            }
        }
        if (identityService.createGroupQuery().groupId(WorklaneGroups.SOURCE_SYSTEMS).groupMember(userId).count() > 0) {
            return ApiClient.bearer(port, sourceSystemTokens.issue(userId, "test", "test").token());
        }
        return new ApiClient(port, userId, userId);
    }

    /** A user in at least these groups (created on first use with password = id; missing memberships added). */
    protected ApiClient member(String userId, String... groups) {
        ApiClient client = as(userId);
        for (String group : groups) {
            if (identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
                identityService.createMembership(userId, group);
            }
        }
        return client;
    }

    /** A Camunda group of type DEPARTMENT, as Worklane's departments are (created on first use). */
    protected void department(String id, String name) {
        group(id, name, "DEPARTMENT");
    }

    protected void group(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            var group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    /** A new API token of this source system (created on first use). */
    protected String tokenOf(String sourceSystem) {
        sourceSystem(sourceSystem);
        return sourceSystemTokens.issue(sourceSystem, "test", "test").token();
    }

    protected ApiClient withToken(String token) {
        return ApiClient.bearer(port, token);
    }

    protected ApiClient withPassword(String userId, String password) {
        return new ApiClient(port, userId, password);
    }

    protected ApiClient anonymous() {
        return new ApiClient(port, null, null);
    }

    /** A supervisor of every department. */
    protected ApiClient supervisor() {
        return as("sofia", "supervisors", "all-departments");
    }

    protected ApiClient sourceSystem(String id) {
        return as(id, "source-systems");
    }

    /** Creates the agent's user and profile (NOT_READY) through the API. */
    protected ApiClient agent(String id, Map<String, Integer> skills, int workItemCapacity) {
        ApiClient agent = as(id, "agents");
        var response = supervisor().put("/api/agents/" + id,
                Map.of("displayName", id, "skills", skills, "capacity", Map.of("workitem", workItemCapacity)));
        if (response.status() != 201 && response.status() != 200) {
            throw new IllegalStateException("agent " + id + " not saved: " + response);
        }
        return agent;
    }

    /** The item's state as its row has it. */
    protected String stateOf(String id) {
        return jdbc.queryForObject("SELECT state FROM work_item WHERE id = ?", String.class, id);
    }

    protected int count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Integer.class, arguments);
    }
}
