package io.worklane.capture;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.worklane.security.Caller;
import io.worklane.workitem.WorkItemView;

@RestController
@RequestMapping("/api/work-items/{id}")
class WorkItemLifecycleController {

    private final WorkItemLifecycle lifecycle;

    WorkItemLifecycleController(WorkItemLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Operation(summary = "Update attributes (JSON merge patch); changed classification inputs or dates reclassify and reschedule")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = ApiExamples.ITEM)))
    @ApiResponse(responseCode = "409", description = "not allowed in the current state", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = ApiExamples.INVALID_STATE)))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            examples = @ExampleObject(name = "reschedule", value = ApiExamples.UPDATE)))
    @PatchMapping(consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
    WorkItemView update(@PathVariable String id, @RequestBody JsonNode patch) {
        return lifecycle.update(id, patch, Caller.current());
    }

    @Operation(summary = "Hold: the item leaves distribution until resumed")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = ApiExamples.ITEM)))
    @ApiResponse(responseCode = "409", description = "not allowed in the current state", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = ApiExamples.INVALID_STATE)))
    @PostMapping("/hold")
    WorkItemView hold(@PathVariable String id) {
        return lifecycle.hold(id, Caller.current());
    }

    @Operation(summary = "Resume a held item")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = ApiExamples.ITEM)))
    @ApiResponse(responseCode = "409", description = "not allowed in the current state", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = ApiExamples.INVALID_STATE)))
    @PostMapping("/resume")
    WorkItemView resume(@PathVariable String id) {
        return lifecycle.resume(id, Caller.current());
    }

    @Operation(summary = "Cancel the item")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = ApiExamples.ITEM)))
    @ApiResponse(responseCode = "409", description = "not allowed in the current state", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = ApiExamples.INVALID_STATE)))
    @PostMapping("/cancel")
    WorkItemView cancel(@PathVariable String id) {
        return lifecycle.cancel(id, Caller.current());
    }

    @Operation(summary = "Complete the item (the source system's confirmation)")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = ApiExamples.ITEM)))
    @ApiResponse(responseCode = "409", description = "not allowed in the current state", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = ApiExamples.INVALID_STATE)))
    @PostMapping("/complete")
    WorkItemView complete(@PathVariable String id) {
        return lifecycle.complete(id, Caller.current());
    }

    @Operation(summary = "Restart a completed or canceled item, optionally with changed attributes")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = ApiExamples.ITEM)))
    @ApiResponse(responseCode = "409", description = "not allowed in the current state", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = ApiExamples.INVALID_STATE)))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
            examples = @ExampleObject(name = "tomorrow", value = ApiExamples.RESTART)))
    @PostMapping("/restart")
    WorkItemView restart(@PathVariable String id, @RequestBody(required = false) JsonNode changes) {
        return lifecycle.restart(id, changes, Caller.current());
    }
}
