package io.worklane.priority;

import java.time.Instant;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.worklane.security.Caller;
import io.worklane.workitem.WorkItemView;
import jakarta.validation.constraints.NotNull;

@RestController
class PriorityOverrideController {

    /** @param until when the item's curve takes over again; null: while it is queued */
    record OverrideRequest(@NotNull Integer priority, Instant until) {
    }

    private final PriorityOverrides overrides;

    PriorityOverrideController(PriorityOverrides overrides) {
        this.overrides = overrides;
    }

    @PutMapping("/api/work-items/{id}/priority")
    @Operation(summary = "Set a queued item's priority by hand, until a time or while it is queued (supervisors of its "
            + "department); recorded as PRIORITY_OVERRIDDEN")
    WorkItemView override(@PathVariable String id, @RequestBody @org.springframework.validation.annotation.Validated
            OverrideRequest request) {
        return overrides.override(id, request.priority(), request.until(), Caller.current());
    }

    @DeleteMapping("/api/work-items/{id}/priority")
    @Operation(summary = "Give a queued item's priority back to its curve (supervisors of its department)")
    WorkItemView clear(@PathVariable String id) {
        return overrides.clear(id, Caller.current());
    }
}
