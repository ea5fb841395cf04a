package io.worklane.security;

import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authentication of {@code /engine-rest}, in place of Camunda's {@code HttpBasicAuthenticationProvider}: Bearer
 * API tokens for source systems, HTTP Basic for people, decided by {@link CallerIdentities} exactly as on
 * {@code /api}. The result carries the user's groups, so the engine's authorization checks and
 * {@code identityService.getCurrentAuthentication()} see them without another query.
 */
class EngineRestAuthentication implements AuthenticationProvider {

    private final CallerIdentities identities;
    private final ProblemResponses problems;
    // Camunda's filter hands the challenge step only the response; the refusal of the step before waits here
    private final ThreadLocal<CallerIdentities.Refusal> refusal = new ThreadLocal<>();

    EngineRestAuthentication(CallerIdentities identities, ProblemResponses problems) {
        this.identities = identities;
        this.problems = problems;
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        refusal.remove();
        CallerIdentities.Outcome outcome = identify(request.getHeader(AUTHORIZATION));
        if (!outcome.isIdentified()) {
            refusal.set(outcome.refusal());
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(outcome.identified().userId());
        result.setGroups(outcome.identified().groups());
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        CallerIdentities.Refusal reason = refusal.get();
        refusal.remove();
        response.setHeader("WWW-Authenticate", ProblemResponses.BASIC_CHALLENGE);
        response.addHeader("WWW-Authenticate", ProblemResponses.BEARER_CHALLENGE);
        try {
            problems.write(response, ProblemResponses.unauthenticated(reason));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CallerIdentities.Outcome identify(String header) {
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return identities.byToken(header.substring(7).trim());
        }
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            }
            catch (IllegalArgumentException notBase64) {
                return CallerIdentities.Outcome.refused(CallerIdentities.Refusal.BAD_CREDENTIALS);
            }
            int colon = decoded.indexOf(':');
            return colon < 0 ? CallerIdentities.Outcome.refused(CallerIdentities.Refusal.BAD_CREDENTIALS)
                    : identities.byPassword(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
        return new CallerIdentities.Outcome(null, null);
    }

    /** Camunda's filter, given this provider as a Spring bean instead of instantiating a class by name. */
    static final class Filter extends ProcessEngineAuthenticationFilter {

        Filter(EngineRestAuthentication provider) {
            this.authenticationProvider = provider;
        }

        @Override
        public void init(FilterConfig filterConfig) {
            servletPathPrefix = filterConfig.getInitParameter(SERVLET_PATH_PREFIX);
        }
    }
}
