package io.worklane.agent;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.worklane.security.Caller;
import io.worklane.security.Supervision;
import io.worklane.web.Problems;

@RestController
@RequestMapping("/api/agents/{agentId}")
class AgentController {

    private static final String AGENT = """
            {"id": "bob", "displayName": "Bob Baker", "skills": {"Sales Processing": 6}, "capacity": {"workitem": 3},
             "groups": ["sales"], "presence": {"state": "READY", "reason": null, "since": "2026-11-23T08:00:00Z"},
             "load": {"workitem": 1}, "items": [{"id": "5b0c7a0e-...", "externalId": "CRM-1002", "state": "IN_PROGRESS",
             "mediaType": "workitem", "priority": 500, "assignedAt": "2026-11-23T09:01:00Z", "dueAt": "2026-11-26T09:00:00Z"}]}""";

    private final Agents agents;
    private final Supervision supervision;
    private final SkillOwners skillOwners;
    private final AgentDay day;

    AgentController(Agents agents, Supervision supervision, SkillOwners skillOwners, AgentDay day) {
        this.day = day;
        this.agents = agents;
        this.supervision = supervision;
        this.skillOwners = skillOwners;
    }

    /** Supervisors only (enforced by the security configuration). */
    @Operation(summary = "Create (201) or replace (200) an agent; the id is a Camunda user id")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"displayName": "Bob Baker", "skills": {"Sales Processing": 6}, "capacity": {"workitem": 3},
             "groups": ["sales"]}""")))
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = AGENT)))
    @PutMapping
    ResponseEntity<AgentView> save(@PathVariable String agentId, @RequestBody @Validated AgentProfile profile) {
        if (supervision.isSourceSystem(agentId)) {
            throw Problems.exception(HttpStatus.CONFLICT, "source-system-account", "A source system is no agent",
                    "'" + agentId + "' is a source system's account; it never becomes an agent.", Map.of());
        }
        requireSupervisorOf(agentId);
        requireOwnSkills(agentId, profile);
        boolean created = agents.save(agentId, profile);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(agents.view(agentId));
    }

    @GetMapping
    @Operation(summary = "The agent with presence, load and held items (the agent or a supervisor)")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = AGENT)))
    AgentView get(@PathVariable String agentId) {
        requireSelfOrSupervisor(agentId);
        return agents.view(agentId);
    }

    /** The agent's presence and the reasons they may give for NOT_READY. */
    record PresenceOptions(Presence state, String reason, Instant since, List<String> notReadyReasons) {
    }

    @GetMapping("/presence")
    @Operation(summary = "The agent's presence and the NOT_READY reasons they may choose (the agent or a supervisor)")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
            {"state": "NOT_READY", "reason": "RONA", "since": "2026-11-23T09:05:00Z",
             "notReadyReasons": ["Admin Work", "Lunch", "Meeting", "Pause", "Training"]}""")))
    PresenceOptions presence(@PathVariable String agentId) {
        requireSelfOrSupervisor(agentId);
        AgentView.PresenceView presence = agents.view(agentId).presence();
        return new PresenceOptions(presence.state(), presence.reason(), presence.since(), agents.notReadyReasons());
    }

    @Operation(summary = "READY, or NOT_READY with a configured reason (the agent or a supervisor)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
            @ExampleObject(name = "ready", value = "{\"state\": \"READY\"}"),
            @ExampleObject(name = "lunch", value = "{\"state\": \"NOT_READY\", \"reason\": \"Lunch\"}") }))
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = AGENT)))
    @PutMapping("/presence")
    AgentView changePresence(@PathVariable String agentId, @RequestBody @Validated PresenceChange change) {
        requireSelfOrSupervisor(agentId);
        agents.changePresence(agentId, change);
        return agents.view(agentId);
    }

    @GetMapping("/day")
    @Operation(summary = "My day: handled items, handle time, answers to offers, time per presence, load (the agent "
            + "or a supervisor); the current day in the server's time zone or in ?zone=Europe/Berlin")
    AgentDay.View day(@PathVariable String agentId, @RequestParam(required = false) String zone) {
        requireSelfOrSupervisor(agentId);
        ZoneId zoneId;
        try {
            zoneId = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
        }
        catch (DateTimeException e) {
            throw Problems.invalid("'" + zone + "' is no time zone (e.g. Europe/Berlin).");
        }
        return day.of(agentId, zoneId);
    }

    private void requireSelfOrSupervisor(String agentId) {
        if (!Caller.current().userId().equals(agentId)) {
            requireSupervisorOf(agentId);
        }
    }

    /**
     * A skill draws the items of the departments whose routing rules name it: a supervisor changes only those of
     * their own departments (and leaves the others as they are).
     */
    private void requireOwnSkills(String agentId, AgentProfile profile) {
        Set<String> supervised = supervision.departmentsOf(Caller.current());
        if (supervised == null) {
            return;
        }
        Map<String, Integer> before = agents.exists(agentId) ? agents.view(agentId).skills() : Map.of();
        Set<String> changed = new TreeSet<>(before.keySet());
        changed.addAll(profile.skills().keySet());
        changed.removeIf(skill -> Objects.equals(before.get(skill), profile.skills().get(skill)));
        for (String skill : changed) {
            Set<String> departments = skillOwners.departmentsRoutedBy(skill);
            boolean own = departments.stream()
                .allMatch(department -> supervised.stream().anyMatch(department::equalsIgnoreCase));
            if (!own) {
                throw Problems.forbidden("'" + skill + "' routes items of " + (departments.contains(
                        SkillOwners.ANY_DEPARTMENT) ? "every department" : String.join(", ", new TreeSet<>(departments)))
                        + "; only a supervisor of " + (departments.contains(SkillOwners.ANY_DEPARTMENT)
                                ? "all departments" : "those departments") + " changes it.");
            }
        }
    }

    /** A supervisor acts on the people of their own departments only. */
    private void requireSupervisorOf(String agentId) {
        Caller caller = Caller.current();
        if (!caller.isSupervisor() || !supervision.supervisesPerson(caller, agentId)) {
            throw Problems.forbidden("Only the agent '" + agentId + "' or a supervisor of their department may do "
                    + "this.");
        }
    }
}
