package io.worklane.capture;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.worklane.security.Caller;
import io.worklane.web.Problems;
import io.worklane.workitem.ContactHistoryEntry;
import io.worklane.workitem.WorkItemEventView;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

@RestController
@RequestMapping("/api/work-items")
class WorkItemCaptureController {

    private final WorkItemCapture capture;
    private final WorkItems workItems;
    private final WorkItemAccess access;
    private final WorkItemTasks tasks;

    WorkItemCaptureController(WorkItemCapture capture, WorkItems workItems, WorkItemAccess access,
            WorkItemTasks tasks) {
        this.tasks = tasks;
        this.capture = capture;
        this.workItems = workItems;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "Capture a work item", description = "201 and the new item; the same (sourceSystem, "
            + "externalId) again answers 200 with the existing item. sourceSystem defaults to the caller's id.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            examples = @ExampleObject(name = "lead", value = ApiExamples.CAPTURE)))
    @ApiResponse(responseCode = "201", description = "captured",
            content = @Content(examples = @ExampleObject(value = ApiExamples.ITEM)))
    @ApiResponse(responseCode = "200", description = "already captured: the existing item")
    @ApiResponse(responseCode = "400", description = "invalid attributes", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = ApiExamples.INVALID_REQUEST)))
    ResponseEntity<WorkItemView> capture(@RequestBody CaptureRequest request) {
        WorkItemCapture.Captured captured = capture.capture(request, Caller.current());
        if (captured.created()) {
            return ResponseEntity.created(URI.create("/api/work-items/" + captured.item().id())).body(captured.item());
        }
        return ResponseEntity.ok(captured.item());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a work item")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = ApiExamples.ITEM)))
    WorkItemView get(@PathVariable String id) {
        return access.visible(workItems.find(id), id, Caller.current());
    }

    @GetMapping(params = { "sourceSystem", "externalId" })
    @Operation(summary = "Find a work item by the source system's own id")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = ApiExamples.ITEM)))
    WorkItemView findBySource(@RequestParam String sourceSystem, @RequestParam String externalId) {
        return access.visible(workItems.findBySource(sourceSystem, externalId), sourceSystem + "/" + externalId,
                Caller.current());
    }

    @GetMapping(params = "taskId")
    @Operation(summary = "The work item of a Tasklist task (Handle work item or Answer offer)")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = ApiExamples.ITEM)))
    WorkItemView findByTask(@RequestParam String taskId) {
        String id = tasks.workItemOf(taskId).orElseThrow(() -> Problems.notFound("task", taskId));
        return access.visible(workItems.find(id), id, Caller.current());
    }

    @GetMapping("/{id}/contact-history")
    @Operation(summary = "The customer's other items, newest first (20 at most): what was asked, where, when, how it "
            + "ended; of the caller's departments (a source system: its own items)")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
            [{"id": "0b7e...", "externalId": "CRM-0995", "sourceSystem": "crm", "department": "Sales",
              "requestType": "Quote", "mediaType": "workitem", "state": "COMPLETED",
              "capturedAt": "2026-11-20T10:00:00Z", "endedAt": "2026-11-20T11:30:00Z", "disposition": "Converted"}]""")))
    List<ContactHistoryEntry> contactHistory(@PathVariable String id) {
        Caller caller = Caller.current();
        WorkItemView item = get(id);
        return access.contactHistoryOf(item, caller);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The item's event log: every transition with its actor and time")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
            [{"sequence": 1, "type": "CAPTURED", "state": "CAPTURED",
              "actor": {"type": "SOURCE_SYSTEM", "id": "crm"}, "occurredAt": "2026-11-23T09:00:00Z", "details": {}}]""")))
    List<WorkItemEventView> history(@PathVariable String id) {
        get(id);
        return workItems.history(id);
    }
}
