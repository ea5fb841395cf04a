package io.worklane.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.worklane.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * In front of every door that checks credentials ({@code /api}, {@code /engine-rest}, Actuator, the webapps'
 * login): a blocked address gets 429 with {@code Retry-After} before its credentials are even looked at; an
 * attempt answered 401 counts as a failure of its address. Requests without credentials pass untouched.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    /** The webapps' login: {@code POST /camunda/api/admin/auth/user/default/login/{app}}. */
    private static final Pattern WEBAPP_LOGIN = Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+");

    private final LoginThrottle throttle;
    private final ProblemResponses problems;

    LoginThrottleFilter(LoginThrottle throttle, ProblemResponses problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isAuthenticationAttempt(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.blockedFor(address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            var problem = Problems.detail(HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-logins",
                    "Too many failed logins", "Too many failed authentication attempts from your address; try again in "
                            + seconds + " s.");
            problem.setProperty("retryAfterSeconds", seconds);
            problems.write(response, problem);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            throttle.failed(address);
        }
    }

    /**
     * A password login (Basic, the webapps' form). A Bearer token is not throttled: 256 random bits are not guessed
     * by trying, and blocking them would let anyone who shares a source system's address (a NAT, a proxy) lock it
     * out by sending wrong passwords.
     */
    private static boolean isAuthenticationAttempt(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return !authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        }
        return "POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(request.getRequestURI()).matches();
    }
}
