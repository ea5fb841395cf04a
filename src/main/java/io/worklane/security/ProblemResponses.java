package io.worklane.security;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.worklane.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** 401, 403 and 429 from the security filters, as problem+json like every other API error. */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String BASIC_CHALLENGE = "Basic realm=\"Worklane\"";
    static final String BEARER_CHALLENGE = "Bearer realm=\"Worklane\"";

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        CallerIdentities.Refusal refusal = e instanceof RefusedCredentials refused ? refused.refusal : null;
        if (refusal == CallerIdentities.Refusal.INVALID_TOKEN) {
            response.setHeader("WWW-Authenticate", BEARER_CHALLENGE + ", error=\"invalid_token\"");
        }
        else if (refusal == CallerIdentities.Refusal.SOURCE_SYSTEM_NEEDS_TOKEN) {
            response.setHeader("WWW-Authenticate", BEARER_CHALLENGE);
        }
        else if (request.getHeader(WebappSession.CSRF_HEADER) != null) {
            // a webapp page whose session ended: a Basic challenge would make the browser ask for a password
            response.setHeader("WWW-Authenticate", BEARER_CHALLENGE);
        }
        else {
            response.setHeader("WWW-Authenticate", BASIC_CHALLENGE);
            response.addHeader("WWW-Authenticate", BEARER_CHALLENGE);
        }
        write(response, unauthenticated(refusal));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, Problems.detail(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your groups do not allow " + request.getMethod() + " " + request.getRequestURI() + "."));
    }

    /** The 401 for a refusal (null: no or unreadable credentials), the same on {@code /api} and {@code /engine-rest}. */
    static ProblemDetail unauthenticated(CallerIdentities.Refusal refusal) {
        if (refusal == CallerIdentities.Refusal.SOURCE_SYSTEM_NEEDS_TOKEN) {
            return Problems.detail(HttpStatus.UNAUTHORIZED, "api-token-required", "API token required",
                    CallerIdentities.SOURCE_SYSTEM_NEEDS_TOKEN_DETAIL);
        }
        if (refusal == CallerIdentities.Refusal.INVALID_TOKEN) {
            return Problems.detail(HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid API token",
                    CallerIdentities.INVALID_TOKEN_DETAIL);
        }
        return Problems.detail(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                CallerIdentities.UNAUTHENTICATED_DETAIL);
    }

    void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
