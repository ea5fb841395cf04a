package io.worklane.queue;

import java.time.Clock;
import java.util.List;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
class QueueController {

    private final QueueRepository queue;
    private final Clock clock;

    QueueController(QueueRepository queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    record Queue(List<QueueEntry> items) {
    }

    @GetMapping("/api/queue")
    @Transactional(readOnly = true)
    Queue queue(@RequestParam(required = false) String department, @RequestParam(required = false) String skill,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return new Queue(queue.top(department, skill, limit, clock.instant()));
    }
}
