package io.worklane.webhook;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.worklane.security.Caller;

/** Supervisors' and administrators' dead-letter list: webhook messages that kept failing, each sent again on demand. */
@RestController
@RequestMapping("/api/webhooks/dead-letters")
class DeadLetterController {

    private final Deliveries deliveries;

    DeadLetterController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    @Operation(summary = "Messages that kept failing, of the items you supervise, newest first",
            description = "Each holds back its item's later messages to the same subscription (waitingBehind).")
    List<Delivery> list(@RequestParam(required = false) String sourceSystem) {
        return deliveries.deadLetters(Caller.current(), sourceSystem);
    }

    @PostMapping("/{id}/resend")
    @Operation(summary = "Send a dead letter again", description = "From its first attempt on, with the same "
            + "webhook-id; the item's later messages follow once it is delivered.")
    @ApiResponse(responseCode = "200", description = "pending again")
    @ApiResponse(responseCode = "404", description = "no such dead letter among the items you supervise")
    @ApiResponse(responseCode = "409", description = "not a dead letter (any more)")
    Delivery resend(@PathVariable long id) {
        return deliveries.resend(Caller.current(), id);
    }
}
