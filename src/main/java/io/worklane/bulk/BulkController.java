package io.worklane.bulk;

import java.net.URI;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.worklane.security.Caller;

/** Actions on a whole queue filter (supervisors): preview, start, progress. */
@RestController
class BulkController {

    /** The body of a preview: the queue page's parameters. */
    record PreviewRequest(Map<String, Object> query) {
    }

    record Preview(long count, int max) {
    }

    private final BulkOperations operations;

    BulkController(BulkOperations operations) {
        this.operations = operations;
    }

    @PostMapping("/api/queue/bulk/preview")
    @Operation(summary = "How many items a bulk action on this filter would touch (run it with expectedCount)")
    Preview preview(@RequestBody PreviewRequest request) {
        return new Preview(operations.preview(request.query(), Caller.current()), BulkOperations.MAX_ITEMS);
    }

    @PostMapping("/api/queue/bulk")
    @Operation(summary = "Start an action on every item of a filter: HOLD, RESUME, CANCEL, COMPLETE, SET_PRIORITY "
            + "(priority, until), CLEAR_PRIORITY, RETURN_TO_QUEUE; 202 and its progress at Location")
    ResponseEntity<BulkOperations.Progress> start(@RequestBody BulkOperations.Request request) {
        Caller caller = Caller.current();
        String id = operations.start(request, caller);
        return ResponseEntity.accepted().location(URI.create("/api/queue/bulk/" + id))
            .body(operations.progress(id, caller));
    }

    @GetMapping("/api/queue/bulk/{id}")
    @Operation(summary = "A bulk operation's progress, and the items it could not change with why")
    BulkOperations.Progress progress(@PathVariable String id) {
        return operations.progress(id, Caller.current());
    }
}
