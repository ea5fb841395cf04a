package io.worklane.doors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.springframework.web.ErrorResponseException;

import jakarta.ws.rs.core.Response.Status;

/**
 * How the guard says no. A malformed request is a REST {@link InvalidRequestException}: the engine REST API answers
 * it 400 on every resource (an engine exception would be a 500 on starts and completions, which wrap them). A
 * forbidden operation is the engine's own {@link AuthorizationException}: 403. A refusal that is a Worklane problem
 * (the capture API's) carries it as its cause, so that the engine REST answer is that very problem.
 */
final class Refusal {

    private Refusal() {
    }

    static InvalidRequestException badRequest(String message) {
        return new InvalidRequestException(Status.BAD_REQUEST, message);
    }

    /** Refused with a Worklane problem (its errors included), which the engine REST answer then carries. */
    static InvalidRequestException badRequest(ErrorResponseException problem) {
        return new InvalidRequestException(Status.BAD_REQUEST, problem, problem.getBody().getDetail());
    }

    static AuthorizationException forbidden(String message) {
        return new AuthorizationException(message);
    }

    static boolean isRefusal(RuntimeException e) {
        return e instanceof InvalidRequestException || e instanceof AuthorizationException;
    }
}
