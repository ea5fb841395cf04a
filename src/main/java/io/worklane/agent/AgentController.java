package io.worklane.agent;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.worklane.security.Caller;
import io.worklane.web.Problems;

@RestController
@RequestMapping("/api/agents/{agentId}")
class AgentController {

    private final Agents agents;

    AgentController(Agents agents) {
        this.agents = agents;
    }

    /** Supervisors only (enforced by the security configuration). */
    @PutMapping
    ResponseEntity<AgentView> save(@PathVariable String agentId, @RequestBody @Validated AgentProfile profile) {
        boolean created = agents.save(agentId, profile);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(agents.view(agentId));
    }

    @GetMapping
    AgentView get(@PathVariable String agentId) {
        requireSelfOrSupervisor(agentId);
        return agents.view(agentId);
    }

    @PutMapping("/presence")
    AgentView changePresence(@PathVariable String agentId, @RequestBody @Validated PresenceChange change) {
        requireSelfOrSupervisor(agentId);
        agents.changePresence(agentId, change);
        return agents.view(agentId);
    }

    private static void requireSelfOrSupervisor(String agentId) {
        Caller caller = Caller.current();
        if (!caller.isSupervisor() && !caller.userId().equals(agentId)) {
            throw Problems.forbidden("Only the agent '" + agentId + "' or a supervisor may do this.");
        }
    }
}
