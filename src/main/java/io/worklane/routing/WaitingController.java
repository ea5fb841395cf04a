package io.worklane.routing;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.worklane.security.Caller;
import io.worklane.security.Supervision;
import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

@RestController
class WaitingController {

    private final Waiting waiting;
    private final WorkItems workItems;
    private final Supervision supervision;

    WaitingController(Waiting waiting, WorkItems workItems, Supervision supervision) {
        this.waiting = waiting;
        this.workItems = workItems;
        this.supervision = supervision;
    }

    @GetMapping("/api/work-items/{id}/routing")
    @Operation(summary = "Why the item went to whom, or why it is still waiting, computed now (supervisors of its "
            + "department)")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
            {"itemId": "5b0c7a0e-...", "state": "QUEUED", "targetLevel": "PRIMARY",
             "target": "Finance Processing > 5", "mediaType": "workitem", "priority": 420, "position": 3,
             "nextTargetExpansionAt": "2026-11-23T10:00:00Z", "nextReprioritizationAt": "2026-11-23T09:30:00Z",
             "agents": {"total": 2, "ready": 0, "readyAtCapacity": 0, "notReady": {"Lunch": 1, "RONA": 1},
                        "loggedOut": 0},
             "groups": {},
             "lastOffer": null,
             "summary": "Nobody matching 'Finance Processing > 5' is free: 2 match, 0 READY at capacity, ..."}""")))
    WaitingReport routing(@PathVariable String id) {
        Caller caller = Caller.current();
        WorkItemView item = workItems.find(id)
            .filter(found -> caller.isSupervisor() && supervision.coversDepartment(caller, found.department()))
            .orElseThrow(() -> Problems.notFound("work-item", id));
        return waiting.report(item);
    }
}
