package io.worklane.routing;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemView;

/** 409: the item is not offered to this agent (any more): answered, timed out (RONA) or never theirs. */
class NoPendingOffer extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    NoPendingOffer(WorkItemView item, String agentId) {
        super(HttpStatus.CONFLICT, Problems.detail(HttpStatus.CONFLICT, "no-pending-offer", "No pending offer",
                "Work item " + item.id() + " is not offered to " + agentId + " (it is " + item.state() + ")."), null);
        getBody().setProperty("state", item.state().name());
    }
}
