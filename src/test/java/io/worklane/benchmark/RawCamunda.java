package io.worklane.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;

import io.worklane.ApiClient;

/**
 * The raw-Camunda baselines Worklane is compared with, on the same engine and database: the least a process start
 * costs (start, one user task) over the engine REST API and the Java API, and the least a job costs (one
 * asynchronous service task that does nothing).
 */
final class RawCamunda {

    static final String USER_TASK = "baseline-user-task";
    static final String ASYNC_TASK = "baseline-async-task";
    static final String START_USER_TASK = "/engine-rest/process-definition/key/" + USER_TASK + "/start";

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final AuthorizationService authorizationService;

    RawCamunda(RepositoryService repositoryService, RuntimeService runtimeService,
            ManagementService managementService, AuthorizationService authorizationService) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.authorizationService = authorizationService;
    }

    /** Deploys both models (again only if they changed). */
    void deploy() {
        repositoryService.createDeployment()
            .name("workload-benchmark")
            .enableDuplicateFiltering(true)
            .addClasspathResource("benchmark/" + USER_TASK + ".bpmn")
            .addClasspathResource("benchmark/" + ASYNC_TASK + ".bpmn")
            .deploy();
    }

    /**
     * Lets a source system start the user task baseline over the engine REST API, as it may start work items:
     * the same authorization checks on both sides (the group already has CREATE on process instances).
     */
    void allowRestStarts(String userId) {
        boolean granted = authorizationService.createAuthorizationQuery()
            .userIdIn(userId)
            .resourceType(Resources.PROCESS_DEFINITION)
            .resourceId(USER_TASK)
            .count() > 0;
        if (!granted) {
            Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setUserId(userId);
            grant.setResource(Resources.PROCESS_DEFINITION);
            grant.setResourceId(USER_TASK);
            grant.addPermission(Permissions.READ);
            grant.addPermission(Permissions.CREATE_INSTANCE);
            authorizationService.saveAuthorization(grant);
        }
    }

    /** Starts over HTTP, each client with its own connection and credentials. */
    ConcurrentCalls.Run restStarts(List<ApiClient> clients, int count) throws Exception {
        return ConcurrentCalls.run(clients.size(), count, (client, sequence) -> {
            var started = clients.get(client).post(START_USER_TASK, Map.of());
            if (started.status() != 200) {
                throw new IllegalStateException("baseline start over REST failed: " + started);
            }
        });
    }

    ConcurrentCalls.Run javaStarts(int threads, int count) throws Exception {
        return ConcurrentCalls.run(threads, count,
                (thread, sequence) -> runtimeService.startProcessInstanceByKey(USER_TASK));
    }

    /**
     * How long the job executor takes for that many jobs. The instances are started with their job definition
     * suspended (their jobs are created suspended), so the clock runs only from the moment the executor may take
     * all of them.
     */
    Duration workOffJobs(int count) throws Exception {
        String latest = repositoryService.createProcessDefinitionQuery()
            .processDefinitionKey(ASYNC_TASK)
            .latestVersion()
            .singleResult()
            .getId();
        String jobDefinition = managementService.createJobDefinitionQuery()
            .processDefinitionId(latest)
            .singleResult()
            .getId();
        managementService.suspendJobDefinitionById(jobDefinition, true);
        ConcurrentCalls.run(4, count, (thread, sequence) -> runtimeService.startProcessInstanceByKey(ASYNC_TASK));
        assertThat(managementService.createJobQuery().jobDefinitionId(jobDefinition).active().count()).isZero();
        assertThat(managementService.createJobQuery().jobDefinitionId(jobDefinition).count()).isEqualTo(count);
        long start = System.nanoTime();
        managementService.activateJobDefinitionById(jobDefinition, true);
        await().atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> runtimeService.createProcessInstanceQuery().processDefinitionKey(ASYNC_TASK).count() == 0);
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
