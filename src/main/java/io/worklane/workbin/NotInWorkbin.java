package io.worklane.workbin;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemView;

/** 409: the item is not parked in this agent's workbin (or in any, when no agent is named). */
public class NotInWorkbin extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    /** @param agentId whose workbin; null: any workbin */
    public NotInWorkbin(WorkItemView item, String agentId) {
        super(HttpStatus.CONFLICT, Problems.detail(HttpStatus.CONFLICT, "not-in-workbin", "Not in the workbin",
                "Work item " + item.id() + " is not in " + (agentId == null ? "a" : agentId + "'s") + " workbin (it is "
                        + item.state() + ")."), null);
        getBody().setProperty("state", item.state().name());
    }
}
