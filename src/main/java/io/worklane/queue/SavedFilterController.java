package io.worklane.queue;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.worklane.security.Caller;
import io.worklane.web.Problems;

/** The caller's own saved queue filters (supervisors; enforced by the security configuration). */
@RestController
class SavedFilterController {

    /** The body of a saved filter: the queue page's parameters. */
    record FilterBody(Map<String, Object> query) {
    }

    private final SavedFilters filters;

    SavedFilterController(SavedFilters filters) {
        this.filters = filters;
    }

    @GetMapping("/api/queue/filters")
    @Operation(summary = "My saved queue filters, by name")
    List<SavedFilters.SavedFilter> mine() {
        return filters.of(Caller.current().userId());
    }

    @PutMapping("/api/queue/filters/{name}")
    @Operation(summary = "Save a queue filter under a name (201 new, 200 replaced), e.g. {\"query\": {\"state\": "
            + "[\"QUEUED\", \"PARKED\"], \"overdue\": \"true\", \"sort\": \"due\"}}")
    ResponseEntity<SavedFilters.SavedFilter> save(@PathVariable String name, @RequestBody FilterBody body) {
        if (name.isBlank() || name.length() > 100) {
            throw Problems.invalid("A filter's name has 1 to 100 characters.");
        }
        String owner = Caller.current().userId();
        boolean created = filters.save(owner, name, body.query());
        SavedFilters.SavedFilter saved = filters.of(owner).stream().filter(f -> f.name().equals(name)).findFirst()
            .orElseThrow();
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(saved);
    }

    @DeleteMapping("/api/queue/filters/{name}")
    @Operation(summary = "Delete one of my saved filters")
    ResponseEntity<Void> delete(@PathVariable String name) {
        filters.delete(Caller.current().userId(), name);
        return ResponseEntity.noContent().build();
    }
}
