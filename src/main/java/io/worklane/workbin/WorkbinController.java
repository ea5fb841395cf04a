package io.worklane.workbin;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.worklane.security.Caller;
import io.worklane.security.Supervision;
import io.worklane.web.Problems;
import io.worklane.workitem.Actor;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

/** An agent's workbin: the agent pulls their items back; supervisors return or reassign them. */
@RestController
class WorkbinController {

    /** The body of a reassignment. */
    record Reassignment(String agent) {
    }

    private final Workbins workbins;
    private final Supervision supervision;
    private final WorkItems workItems;

    WorkbinController(Workbins workbins, Supervision supervision, WorkItems workItems) {
        this.workbins = workbins;
        this.supervision = supervision;
        this.workItems = workItems;
    }

    @Operation(summary = "The agent's parked items (the agent or a supervisor)")
    @GetMapping("/api/agents/{agentId}/workbin")
    List<WorkItemView> workbin(@PathVariable String agentId) {
        Caller caller = Caller.current();
        if (!caller.userId().equals(agentId) && !(caller.isSupervisor() && supervision.supervisesPerson(caller, agentId))) {
            throw Problems.forbidden("Only the agent '" + agentId + "' or a supervisor of their department sees this "
                    + "workbin.");
        }
        return workbins.of(agentId);
    }

    @Operation(summary = "Pull a parked item back into handling (the agent only)")
    @PostMapping("/api/agents/{agentId}/items/{itemId}/pull")
    WorkItemView pull(@PathVariable String agentId, @PathVariable String itemId) {
        if (!Caller.current().userId().equals(agentId)) {
            throw Problems.forbidden("Only the agent '" + agentId + "' pulls from their workbin.");
        }
        return workbins.pull(agentId, itemId);
    }

    @Operation(summary = "Return a parked item to the queue (supervisors)")
    @PostMapping("/api/agents/{agentId}/items/{itemId}/return")
    WorkItemView returnToQueue(@PathVariable String agentId, @PathVariable String itemId) {
        Actor supervisor = supervisorOf(agentId);
        requireDepartmentOf(itemId);
        return workbins.returnToQueue(agentId, itemId, supervisor);
    }

    @Operation(summary = "Reassign a parked item to another agent, who handles it at once (supervisors)")
    @PostMapping("/api/agents/{agentId}/items/{itemId}/reassign")
    WorkItemView reassign(@PathVariable String agentId, @PathVariable String itemId,
            @RequestBody Reassignment reassignment) {
        Actor supervisor = supervisorOf(agentId);
        supervisorOf(reassignment.agent());
        requireDepartmentOf(itemId);
        return workbins.reassign(agentId, itemId, reassignment.agent(), supervisor);
    }

    /** An item of another department is none of this supervisor's business, wherever it is parked. */
    private void requireDepartmentOf(String itemId) {
        workItems.find(itemId)
            .filter(item -> !supervision.coversDepartment(Caller.current(), item.department()))
            .ifPresent(item -> {
                throw Problems.notFound("work-item", itemId);
            });
    }

    /** The calling supervisor, if the agent is of their departments. */
    private Actor supervisorOf(String agentId) {
        Caller caller = Caller.current();
        if (!caller.isSupervisor() || agentId == null || !supervision.supervisesPerson(caller, agentId)) {
            throw Problems.forbidden("Only a supervisor of " + agentId + "'s department returns or reassigns their "
                    + "parked items.");
        }
        return new Actor(Actor.Type.SUPERVISOR, caller.userId());
    }
}
