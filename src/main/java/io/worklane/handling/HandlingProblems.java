package io.worklane.handling;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemView;

/** The handling API's refusals, each with its problem type. */
final class HandlingProblems {

    private HandlingProblems() {
    }

    /** 409: the item is not in this agent's hands (the "Handle work item" task is not theirs). */
    static final class NotInHandling extends ErrorResponseException {

        private static final long serialVersionUID = 1L;

        NotInHandling(WorkItemView item, String agentId) {
            super(HttpStatus.CONFLICT, Problems.detail(HttpStatus.CONFLICT, "not-in-handling", "Not in handling",
                    "Work item " + item.id() + " is not being handled by " + agentId + " (it is " + item.state()
                            + ")."), null);
            getBody().setProperty("state", item.state().name());
        }
    }

    /** 409: a transfer to a skill target no agent matches would leave the item unreachable. */
    static final class NoMatchingAgent extends ErrorResponseException {

        private static final long serialVersionUID = 1L;

        NoMatchingAgent(HandlingAction action, HandlingRules.NoAgentMatches cause) {
            super(HttpStatus.CONFLICT, Problems.detail(HttpStatus.CONFLICT, "no-matching-agent",
                    "No agent matches the target", cause.getMessage()), cause);
            getBody().setProperty("action", action.name());
            getBody().setProperty("target", cause.target);
        }
    }

    /** 422: the choice breaks a handling rule (a disposition missing, a transfer to oneself, ...). */
    static final class HandlingRefused extends ErrorResponseException {

        private static final long serialVersionUID = 1L;

        HandlingRefused(HandlingAction action, HandlingRules.Refused cause) {
            super(HttpStatus.UNPROCESSABLE_ENTITY, Problems.detail(HttpStatus.UNPROCESSABLE_ENTITY, "handling-refused",
                    "Handling refused", cause.getMessage()), cause);
            getBody().setProperty("action", action.name());
        }
    }
}
