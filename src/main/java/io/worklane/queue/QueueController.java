package io.worklane.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
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
import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemState;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The universal queue as supervisors read it: every state on request, filtered, sorted, paged by keyset. */
@RestController
class QueueController {

    private final QueueSearch search;
    private final Clock clock;
    private final Supervision supervision;

    QueueController(QueueSearch search, Clock clock, Supervision supervision) {
        this.search = search;
        this.clock = clock;
        this.supervision = supervision;
    }

    /**
     * @param next the cursor of the next page; null: this is the last
     * @param total how many items the filter holds, when asked for with {@code count=true}
     */
    record QueuePage(List<QueueRow> items, String next, Long total) {
    }

    @GetMapping("/api/queue")
    @Operation(summary = "The universal queue of the caller's departments: QUEUED items in distribution order unless "
            + "asked otherwise (state may repeat; sort=distribution|due|captured; next pages with cursor=next)")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
            {"items": [{"position": 1, "id": "5b0c7a0e-...", "externalId": "CRM-1002", "sourceSystem": "crm",
              "department": "Sales", "process": "Lead Handling", "customerId": "C-1", "customer": "Jo Doe",
              "customerSegment": "Gold", "mediaType": "workitem", "state": "QUEUED", "priority": 500,
              "dueAt": "2026-11-26T09:00:00Z", "overdue": false, "queuedAt": "2026-11-23T09:00:01Z",
              "waitingSeconds": 42, "capturedAt": "2026-11-23T09:00:00Z", "requiredSkill": "Sales Processing",
              "targetLevel": "PRIMARY", "agent": null}], "next": "WyJESVNUUklCVVRJT04i...", "total": null}""")))
    @Transactional(readOnly = true)
    QueuePage queue(@RequestParam(required = false) List<WorkItemState> state,
            @RequestParam(required = false) String department, @RequestParam(required = false) String process,
            @RequestParam(required = false) String segment, @RequestParam(required = false) String sourceSystem,
            @RequestParam(required = false) String targetLevel, @RequestParam(required = false) String skill,
            @RequestParam(required = false) String agent, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant dueBefore,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "distribution") String sort,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "false") boolean count) {
        QueueSort order = sortNamed(sort);
        QueueFilter filter = new QueueFilter(state, department, process, segment, sourceSystem, targetLevel, skill,
                agent, overdue, dueBefore, q);
        // a supervisor sees the queue of the departments they supervise
        Set<String> departments = supervision.departmentsOf(Caller.current());
        Instant now = clock.instant();
        QueueSearch.Page page = search.page(filter, departments, order,
                cursor == null ? null : QueueCursor.decode(cursor, order), limit, now);
        return new QueuePage(page.rows(), page.next() == null ? null : page.next().encode(),
                count ? search.count(filter, departments, now) : null);
    }

    private static QueueSort sortNamed(String sort) {
        try {
            return QueueSort.valueOf(sort.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw Problems.invalid("'sort' is one of distribution, due or captured, not '" + sort + "'.");
        }
    }
}
