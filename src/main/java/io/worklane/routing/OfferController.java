package io.worklane.routing;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.worklane.security.Caller;
import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemView;

/** Manual answer: the agent accepts or declines an offer (the same as the "Answer offer" form in Tasklist). */
@RestController
@RequestMapping("/api/agents/{agentId}/offers/{itemId}")
class OfferController {

    private final Offers offers;

    OfferController(Offers offers) {
        this.offers = offers;
    }

    @Operation(summary = "Accept an offer: the item becomes IN_PROGRESS with a handling task (the agent only)")
    @PostMapping("/accept")
    WorkItemView accept(@PathVariable String agentId, @PathVariable String itemId) {
        requireSelf(agentId);
        return offers.answer(agentId, itemId, true);
    }

    @Operation(summary = "Decline an offer: the item goes back to the queue (the agent only)")
    @PostMapping("/decline")
    WorkItemView decline(@PathVariable String agentId, @PathVariable String itemId) {
        requireSelf(agentId);
        return offers.answer(agentId, itemId, false);
    }

    private static void requireSelf(String agentId) {
        if (!Caller.current().userId().equals(agentId)) {
            throw Problems.forbidden("Only the agent '" + agentId + "' answers their offers.");
        }
    }
}
