package io.worklane.handling;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.worklane.security.Caller;
import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemView;

/** The handling actions of the Tasklist form, for an agent's own items. */
@RestController
@RequestMapping("/api/agents/{agentId}/items/{itemId}")
class HandlingController {

    private final Handling handling;

    HandlingController(Handling handling) {
        this.handling = handling;
    }

    @Operation(summary = "Mark done, with an optional disposition code (422 where the department disables it)")
    @PostMapping("/done")
    WorkItemView done(@PathVariable String agentId, @PathVariable String itemId,
            @RequestBody(required = false) @Validated HandlingRequest request) {
        return act(agentId, itemId, HandlingAction.DONE, request);
    }

    @Operation(summary = "Park in the agent's workbin: still theirs, pulled back with /pull")
    @PostMapping("/park")
    WorkItemView park(@PathVariable String agentId, @PathVariable String itemId,
            @RequestBody(required = false) @Validated HandlingRequest request) {
        return act(agentId, itemId, HandlingAction.PARK, request);
    }

    @Operation(summary = "Transfer to another agent ({\"agent\": ...}) or to a skill target ({\"target\": ...})")
    @PostMapping("/transfer")
    WorkItemView transfer(@PathVariable String agentId, @PathVariable String itemId,
            @RequestBody @Validated HandlingRequest request) {
        if ((request.agent() == null) == (request.target() == null)) {
            throw Problems.invalid("A transfer names either an agent or a target, not both and not neither.");
        }
        return act(agentId, itemId, request.agent() != null ? HandlingAction.TRANSFER_AGENT
                : HandlingAction.TRANSFER_TARGET, request);
    }

    private WorkItemView act(String agentId, String itemId, HandlingAction action, HandlingRequest request) {
        if (!Caller.current().userId().equals(agentId)) {
            throw Problems.forbidden("Only the agent '" + agentId + "' handles their items.");
        }
        return handling.act(agentId, itemId, action, request == null ? HandlingRequest.NONE : request);
    }
}
