package io.worklane.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.worklane.agent.AgentProfile;
import io.worklane.agent.Agents;
import io.worklane.agent.Presence;
import io.worklane.agent.PresenceChange;
import io.worklane.security.SourceSystemTokens;
import io.worklane.security.WorklaneGroups;

/**
 * The demo users of README.md: each person's password equals the user id; the source systems authenticate with
 * the published demo tokens below (their passwords are random: nobody uses them).
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {

    /** @param teams routing groups beside the department (decisions/routing-targets.dmn: "Key Accounts") */
    private record DemoAgent(String id, String firstName, String lastName, String department,
            Map<String, Integer> skills, int workItemCapacity, List<String> teams) {
    }

    private static final List<DemoAgent> AGENTS = List.of(
            new DemoAgent("alice", "Alice", "Archer", "sales",
                    Map.of("Sales Processing", 9, "Legacy System Processing", 3, "General Processing", 5), 2,
                    List.of("Key Accounts")),
            new DemoAgent("bob", "Bob", "Baker", "sales", Map.of("Sales Processing", 5), 2, List.of()),
            new DemoAgent("carol", "Carol", "Clark", "finance",
                    Map.of("Finance Processing", 8, "Sales Processing", 2), 2, List.of()),
            new DemoAgent("dave", "Dave", "Doyle", "finance",
                    Map.of("Finance Processing", 4, "General Processing", 6), 1, List.of()));

    /** README.md: "Source systems authenticate with API tokens". Published, so only ever for the demo. */
    static final String CRM_TOKEN = "wl_0000000000000000000000000000c12a_demo-crm-token";
    static final String WEBSHOP_TOKEN = "wl_0000000000000000000000000000e5b0_demo-webshop-token";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final Agents agents;
    private final SourceSystemTokens tokens;

    DemoData(IdentityService identityService, AuthorizationService authorizationService, Agents agents,
            SourceSystemTokens tokens) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.agents = agents;
        this.tokens = tokens;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            load();
        }
        catch (RuntimeException anotherNodeWasFaster) {
            // two demo nodes starting together: every step checks first, so once more completes the set
            load();
        }
    }

    private void load() {
        administrator();
        group("sales", "Sales");
        group("finance", "Finance");
        user("sofia", "Sofia", "Supervisor", WorklaneGroups.SUPERVISORS, "sales");
        user("sam", "Sam", "Supervisor", WorklaneGroups.SUPERVISORS, "finance");
        user("olga", "Olga", "Operations", WorklaneGroups.SUPERVISORS, WorklaneGroups.ALL_DEPARTMENTS);
        user("pia", "Pia", "Process Owner", WorklaneGroups.PROCESS_OWNERS);
        sourceSystem("crm", "CRM", CRM_TOKEN);
        sourceSystem("webshop", "Web shop", WEBSHOP_TOKEN);
        for (DemoAgent agent : AGENTS) {
            user(agent.id(), agent.firstName(), agent.lastName(), WorklaneGroups.AGENTS, agent.department());
            if (!agents.exists(agent.id())) {
                agents.save(agent.id(), new AgentProfile(agent.firstName() + " " + agent.lastName(), agent.skills(),
                        Map.of("workitem", agent.workItemCapacity()), groups(agent), null));
                agents.changePresence(agent.id(), new PresenceChange(Presence.READY, null));
            }
        }
    }

    /** admin/admin in camunda-admin with every permission, as Camunda's own first-user setup grants. */
    private void administrator() {
        if (identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group group = identityService.newGroup(Groups.CAMUNDA_ADMIN);
            group.setName("Camunda administrators");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identityService.saveGroup(group);
        }
        for (Resource resource : Resources.values()) {
            boolean granted = authorizationService.createAuthorizationQuery()
                .groupIdIn(Groups.CAMUNDA_ADMIN)
                .resourceType(resource)
                .resourceId(Authorization.ANY)
                .count() > 0;
            if (!granted) {
                Authorization all = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                all.setGroupId(Groups.CAMUNDA_ADMIN);
                all.setResource(resource);
                all.setResourceId(Authorization.ANY);
                all.addPermission(Permissions.ALL);
                authorizationService.saveAuthorization(all);
            }
        }
        user("admin", "Ada", "Admin", Groups.CAMUNDA_ADMIN);
    }

    private void group(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType("DEPARTMENT");
            identityService.saveGroup(group);
        }
    }

    private void sourceSystem(String id, String name, String token) {
        userWithPassword(id, name, "Source system", UUID.randomUUID().toString(), WorklaneGroups.SOURCE_SYSTEMS);
        tokens.registerPublishedToken(id, token, "demo token (README)", "demo");
    }

    private static List<String> groups(DemoAgent agent) {
        List<String> groups = new ArrayList<>(List.of(agent.department()));
        groups.addAll(agent.teams());
        return groups;
    }

    private void user(String id, String firstName, String lastName, String... groups) {
        userWithPassword(id, firstName, lastName, id, groups);
    }

    private void userWithPassword(String id, String firstName, String lastName, String password, String... groups) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identityService.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(id + "@worklane.example");
        user.setPassword(password);
        identityService.saveUser(user);
        for (String group : groups) {
            identityService.createMembership(id, group);
        }
    }
}
