package io.worklane.queue;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.worklane.security.Caller;
import io.worklane.security.Supervision;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
class QueueController {

    private final QueueRepository queue;
    private final Clock clock;
    private final Supervision supervision;

    QueueController(QueueRepository queue, Clock clock, Supervision supervision) {
        this.queue = queue;
        this.clock = clock;
        this.supervision = supervision;
    }

    record Queue(List<QueueEntry> items) {
    }

    @GetMapping("/api/queue")
    @Operation(summary = "Queued items in distribution order: priority descending, then longest waiting")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
            {"items": [{"position": 1, "id": "5b0c7a0e-...", "externalId": "CRM-1002", "sourceSystem": "crm",
              "department": "Sales", "process": "Lead Handling", "customerSegment": "Gold", "mediaType": "workitem",
              "priority": 500, "dueAt": "2026-11-26T09:00:00Z", "overdue": false, "queuedAt": "2026-11-23T09:00:01Z",
              "waitingSeconds": 42, "requiredSkill": "Sales Processing", "targetLevel": "PRIMARY"}]}""")))
    @Transactional(readOnly = true)
    Queue queue(@RequestParam(required = false) String department, @RequestParam(required = false) String skill,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        // a supervisor sees the queue of the departments they supervise
        Set<String> supervised = supervision.departmentsOf(Caller.current());
        if (supervised != null && department != null
                && supervised.stream().noneMatch(name -> name.equalsIgnoreCase(department))) {
            return new Queue(List.of());
        }
        return new Queue(queue.top(department, supervised, skill, limit, clock.instant()));
    }
}
