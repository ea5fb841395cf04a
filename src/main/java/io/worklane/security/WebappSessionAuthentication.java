package io.worklane.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.worklane.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The third door to {@code /api}, for the webapps' plugins: a request without {@code Authorization} that carries a
 * Camunda webapp session (Tasklist, Cockpit) is the user logged in there, with their groups read afresh from the
 * identity service as for HTTP Basic, so every rule is the same. Because a browser sends the session cookie on its
 * own, a changing request must also send the session's CSRF token in {@value WebappSession#CSRF_HEADER}, as the
 * webapps themselves do. Never creates a session; a request without one goes on to the 401 of the other doors.
 */
class WebappSessionAuthentication extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final CallerIdentities identities;
    private final ProblemResponses problems;
    private final String engineName;

    WebappSessionAuthentication(CallerIdentities identities, ProblemResponses problems, String engineName) {
        this.identities = identities;
        this.problems = problems;
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getHeader(HttpHeaders.AUTHORIZATION) == null ? request.getSession(false) : null;
        String userId = WebappSession.userOf(session, engineName);
        if (userId == null) {
            chain.doFilter(request, response);
            return;
        }
        var outcome = identities.bySession(userId);
        if (!outcome.isIdentified()) {
            problems.write(response, ProblemResponses.unauthenticated(outcome.refusal()));
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod())
                && !matches(request.getHeader(WebappSession.CSRF_HEADER), WebappSession.csrfTokenOf(session))) {
            problems.write(response, Problems.detail(HttpStatus.FORBIDDEN, "csrf-token-required", "CSRF token required",
                    "A change made with the webapps' session needs its CSRF token in the " + WebappSession.CSRF_HEADER
                            + " header (the XSRF-TOKEN cookie's value)."));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(ApiAuthentication.of(outcome.identified()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private static boolean matches(String sent, String expected) {
        return sent != null && expected != null && !expected.isEmpty() && MessageDigest
            .isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
