package io.worklane.agent;

import java.util.List;
import java.util.Locale;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.worklane.security.Caller;
import io.worklane.security.Supervision;
import io.worklane.web.Problems;

/** The agents board: the agents a supervisor supervises, with presence, load and skills. */
@RestController
class AgentBoardController {

    private final Agents agents;
    private final Supervision supervision;

    AgentBoardController(Agents agents, Supervision supervision) {
        this.agents = agents;
        this.supervision = supervision;
    }

    @GetMapping("/api/agents")
    @Operation(summary = "The agents of the caller's departments (supervisors), by display name; filters: presence, "
            + "department (a profile group), skill (held at any proficiency), q (in id or display name)")
    @Transactional(readOnly = true)
    List<AgentView> board(@RequestParam(required = false) Presence presence,
            @RequestParam(required = false) String department, @RequestParam(required = false) String skill,
            @RequestParam(required = false) String q) {
        Caller caller = Caller.current();
        if (!caller.isSupervisor()) {
            throw Problems.forbidden("The agents board is for supervisors.");
        }
        String text = q == null ? null : q.toLowerCase(Locale.ROOT);
        return agents.ids()
            .stream()
            .filter(id -> supervision.supervisesPerson(caller, id))
            .map(agents::view)
            .filter(agent -> presence == null || agent.presence().state() == presence)
            .filter(agent -> department == null
                    || agent.groups().stream().anyMatch(group -> group.equalsIgnoreCase(department)))
            .filter(agent -> skill == null || agent.skills().containsKey(skill))
            .filter(agent -> text == null || agent.id().toLowerCase(Locale.ROOT).contains(text)
                    || agent.displayName() != null && agent.displayName().toLowerCase(Locale.ROOT).contains(text))
            .toList();
    }
}
