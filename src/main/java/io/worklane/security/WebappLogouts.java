package io.worklane.security;

import java.io.IOException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Tells the rest of Worklane when someone leaves the webapps ({@link WebappUserLoggedOut}). Camunda's logout only
 * takes the user out of the session, so the filter around the webapps' auth endpoints compares who was logged in
 * before and after a login or logout. A session that dies (time-out, invalidation) takes its user with it, except
 * while a login replaces the session (Camunda invalidates the old one to fix the session id): then the filter decides.
 */
class WebappLogouts extends OncePerRequestFilter implements HttpSessionListener {

    private static final ThreadLocal<Boolean> SESSION_BEING_REPLACED = new ThreadLocal<>();

    private final ApplicationEventPublisher publisher;
    private final String engineName;

    WebappLogouts(ApplicationEventPublisher publisher, String engineName) {
        this.publisher = publisher;
        this.engineName = engineName;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"POST".equals(request.getMethod()) || !(path.contains("/login/") || path.endsWith("/logout"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String before = WebappSession.userOf(request.getSession(false), engineName);
        SESSION_BEING_REPLACED.set(Boolean.TRUE);
        try {
            chain.doFilter(request, response);
        }
        finally {
            SESSION_BEING_REPLACED.remove();
        }
        String after = WebappSession.userOf(request.getSession(false), engineName);
        if (before != null && !before.equals(after)) {
            publisher.publishEvent(new WebappUserLoggedOut(before));
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        if (SESSION_BEING_REPLACED.get() != null) {
            return;
        }
        String user = WebappSession.userOf(event.getSession(), engineName);
        if (user != null) {
            publisher.publishEvent(new WebappUserLoggedOut(user));
        }
    }
}
