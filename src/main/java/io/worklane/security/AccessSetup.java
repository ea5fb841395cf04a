package io.worklane.security;

import static io.worklane.security.WorklaneGroups.AGENTS;
import static io.worklane.security.WorklaneGroups.MONITORING;
import static io.worklane.security.WorklaneGroups.PROCESS_OWNERS;
import static io.worklane.security.WorklaneGroups.ALL_DEPARTMENTS;
import static io.worklane.security.WorklaneGroups.SOURCE_SYSTEMS;
import static io.worklane.security.WorklaneGroups.SUPERVISORS;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_WORK;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates Worklane's groups, their grants and the Tasklist filters, once per database (each step checks first,
 * so every start and every node may run it). Assignees get their task permissions from the engine itself.
 */
@Component
@Order(0)
class AccessSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);

    static final String MY_WORK_ITEMS = "My work items";
    static final String ALL_WORK_ITEMS = "All work items";
    static final String EXCEPTIONS = "Exceptions";
    static final String OVERDUE = "Overdue";
    static final String METRICS_USER = "prometheus";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    /** Prometheus's scrape user's password ({@code WORKLANE_METRICS_PASSWORD}); none: no such user. */
    private final String metricsPassword;

    AccessSetup(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService,
            MetricsProperties metrics) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.metricsPassword = metrics.password();
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            setUp();
        }
        catch (RuntimeException anotherNodeWasFaster) {
            // nodes starting together race to create the same rows; every step checks first, so once more does it
            log.info("Access setup collided with another node; checking again: {}", anotherNodeWasFaster.getMessage());
            setUp();
        }
    }

    private void setUp() {
        group(AGENTS, "Agents", "WORKLANE");
        group(SUPERVISORS, "Supervisors", "WORKLANE");
        group(ALL_DEPARTMENTS, "All departments", "WORKLANE");
        group(SOURCE_SYSTEMS, "Source systems", "SYSTEM");
        group(PROCESS_OWNERS, "Process owners", "WORKLANE");
        group(MONITORING, "Monitoring", "SYSTEM");
        if (!metricsPassword.isBlank()) {
            metricsUser();
        }
        else if (identityService.createUserQuery().userId(METRICS_USER).memberOfGroup(MONITORING).count() > 0) {
            // no password configured any more: the scrape account goes, not its old password
            identityService.deleteUser(METRICS_USER);
        }

        grant(AGENTS, Resources.APPLICATION, "tasklist", ACCESS);
        grant(AGENTS, Resources.PROCESS_DEFINITION, "work-item", READ);

        // A supervisor sees the work items of their departments through Worklane's API and pages. Camunda's
        // authorizations cannot tell departments apart (one process for all), so its generic views of instances
        // and tasks are for all-department supervisors only.
        grant(SUPERVISORS, Resources.APPLICATION, "tasklist", ACCESS);
        grant(SUPERVISORS, Resources.APPLICATION, "cockpit", ACCESS);
        grant(SUPERVISORS, Resources.PROCESS_DEFINITION, ANY, READ);
        grant(SUPERVISORS, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY);
        grant(SUPERVISORS, Resources.DEPLOYMENT, ANY, READ);
        revoke(SUPERVISORS, Resources.PROCESS_INSTANCE, ANY);
        revoke(SUPERVISORS, Resources.TASK, ANY);

        // Tasks are worked, never reassigned in Tasklist: the router assigns, and the row must agree. Instances
        // may be suspended and their failed jobs retried; their variables and activities change only through
        // Worklane's API (the engine plugin refuses the rest at every door).
        grant(ALL_DEPARTMENTS, Resources.PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK,
                ProcessDefinitionPermissions.SUSPEND_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB);
        grant(ALL_DEPARTMENTS, Resources.PROCESS_INSTANCE, ANY, READ, ProcessInstancePermissions.SUSPEND,
                ProcessInstancePermissions.RETRY_JOB);
        grant(ALL_DEPARTMENTS, Resources.TASK, ANY, READ, TASK_WORK);

        // Process owners deploy models from the Modeler (the engine plugin refuses code in them) and read what runs.
        grant(PROCESS_OWNERS, Resources.APPLICATION, "cockpit", ACCESS);
        grant(PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, CREATE, READ);
        grant(PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, READ);
        grant(PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY);
        grant(PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ);

        // Source systems may start work items over the engine REST API, nothing more.
        grant(SOURCE_SYSTEMS, Resources.PROCESS_DEFINITION, "work-item", READ, CREATE_INSTANCE);
        grant(SOURCE_SYSTEMS, Resources.PROCESS_INSTANCE, ANY, CREATE);

        // Tasklist lists a filter's tasks in the order its query names: the most urgent first, then the oldest
        Filter mine = filter(MY_WORK_ITEMS, taskService.createTaskQuery()
            .taskAssigneeExpression("${currentUser()}")
            .orderByTaskPriority()
            .desc()
            .orderByTaskCreateTime()
            .asc(), -10, "The work items offered to me");
        grant(AGENTS, Resources.FILTER, mine.getId(), READ);
        grant(SUPERVISORS, Resources.FILTER, mine.getId(), READ);
        // exception tasks wait for a department's supervisors (candidates): theirs, claimed or not, most urgent first
        Filter exceptions = filter(EXCEPTIONS, taskService.createTaskQuery()
            .processDefinitionKey("supervisor-exception")
            .taskCandidateUserExpression("${currentUser()}")
            .includeAssignedTasks()
            .orderByTaskPriority()
            .desc()
            .orderByTaskCreateTime()
            .asc(), -5, "What your departments need you for");
        grant(SUPERVISORS, Resources.FILTER, exceptions.getId(), READ);
        Filter overdue = filter(OVERDUE, taskService.createTaskQuery()
            .processDefinitionKey("supervisor-exception")
            .taskCandidateUserExpression("${currentUser()}")
            .includeAssignedTasks()
            .processVariableValueEquals("exceptionKind", "OVERDUE")
            .orderByTaskCreateTime()
            .asc(), -4, "Items of your departments past their due date, still queued");
        grant(SUPERVISORS, Resources.FILTER, overdue.getId(), READ);
        Filter all = filter(ALL_WORK_ITEMS, taskService.createTaskQuery().processDefinitionKey("work-item"), 0,
                "Every open work item task");
        revoke(SUPERVISORS, Resources.FILTER, all.getId());
        grant(ALL_DEPARTMENTS, Resources.FILTER, all.getId(), READ);
    }

    /** {@value #METRICS_USER}, in {@code monitoring} only, with the configured password. */
    private void metricsUser() {
        User user = identityService.createUserQuery().userId(METRICS_USER).singleResult();
        if (user == null) {
            user = identityService.newUser(METRICS_USER);
            user.setFirstName("Prometheus");
            user.setLastName("scrape");
        }
        user.setPassword(metricsPassword);
        identityService.saveUser(user);
        if (identityService.createGroupQuery().groupMember(METRICS_USER).groupId(MONITORING).count() == 0) {
            identityService.createMembership(METRICS_USER, MONITORING);
        }
    }

    private void group(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    /** The group holds exactly these permissions on the resource (an earlier version's grant is brought in line). */
    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = find(groupId, resource, resourceId);
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        authorization.setPermissions(permissions);
        authorizationService.saveAuthorization(authorization);
    }

    private void revoke(String groupId, Resource resource, String resourceId) {
        Authorization authorization = find(groupId, resource, resourceId);
        if (authorization != null) {
            authorizationService.deleteAuthorization(authorization.getId());
        }
    }

    private Authorization find(String groupId, Resource resource, String resourceId) {
        var found = authorizationService.createAuthorizationQuery()
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .list();
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<String> ordering(Query<?, ?> query) {
        return ((AbstractQuery<?, ?>) query).getOrderingProperties()
            .stream()
            .map(order -> order.getQueryProperty().getName() + " " + order.getDirection().getName())
            .toList();
    }

    private Filter filter(String name, TaskQuery query, int priority, String description) {
        // a race of two starting nodes may have made two: use the first, never fail on it
        var existing = filterService.createFilterQuery().filterName(name).orderByFilterId().asc().listPage(0, 1);
        if (!existing.isEmpty()) {
            // an earlier version's filter is brought in line, like the grants
            Filter found = existing.get(0);
            if (!ordering(found.getQuery()).equals(ordering(query))) {
                found.setQuery(query);
                return filterService.saveFilter(found);
            }
            return found;
        }
        Filter filter = filterService.newTaskFilter(name)
            .setQuery(query)
            .setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        return filterService.saveFilter(filter);
    }
}
