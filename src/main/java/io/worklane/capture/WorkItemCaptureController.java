package io.worklane.capture;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.worklane.security.Caller;
import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemEventView;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

@RestController
@RequestMapping("/api/work-items")
class WorkItemCaptureController {

    private final WorkItemCapture capture;
    private final WorkItems workItems;

    WorkItemCaptureController(WorkItemCapture capture, WorkItems workItems) {
        this.capture = capture;
        this.workItems = workItems;
    }

    @PostMapping
    ResponseEntity<WorkItemView> capture(@RequestBody @Validated CaptureRequest request) {
        WorkItemCapture.Captured captured = capture.capture(request, Caller.current());
        if (captured.created()) {
            return ResponseEntity.created(URI.create("/api/work-items/" + captured.item().id())).body(captured.item());
        }
        return ResponseEntity.ok(captured.item());
    }

    @GetMapping("/{id}")
    WorkItemView get(@PathVariable String id) {
        return visible(workItems.find(id).orElseThrow(() -> Problems.notFound("work-item", id)));
    }

    @GetMapping(params = { "sourceSystem", "externalId" })
    WorkItemView findBySource(@RequestParam String sourceSystem, @RequestParam String externalId) {
        return visible(workItems.findBySource(sourceSystem, externalId)
            .orElseThrow(() -> Problems.notFound("work-item", sourceSystem + "/" + externalId)));
    }

    @GetMapping("/{id}/history")
    List<WorkItemEventView> history(@PathVariable String id) {
        get(id);
        return workItems.history(id);
    }

    private static WorkItemView visible(WorkItemView item) {
        Caller caller = Caller.current();
        if (caller.isSourceSystemOnly() && !caller.userId().equals(item.sourceSystem())) {
            throw Problems.forbidden("Work item " + item.id() + " belongs to another source system.");
        }
        return item;
    }
}
