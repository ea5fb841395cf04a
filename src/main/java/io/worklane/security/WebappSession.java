package io.worklane.security;

import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

import jakarta.servlet.http.HttpSession;

/**
 * What the Camunda webapps (Tasklist, Cockpit, Admin) keep in the HTTP session: the logged-in users per process
 * engine under {@value #AUTHENTICATIONS} ({@code AuthenticationUtil}), and the CSRF token under
 * {@value #CSRF_TOKEN} ({@code CsrfPreventionFilter}, sent back by the browser as {@value #CSRF_HEADER}).
 */
final class WebappSession {

    static final String AUTHENTICATIONS = "authenticatedUser";
    static final String CSRF_TOKEN = "CAMUNDA_CSRF_TOKEN";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    private WebappSession() {
    }

    /** @return the user logged in to this engine in the session; null if none (or no session) */
    static String userOf(HttpSession session, String engineName) {
        if (session == null) {
            return null;
        }
        try {
            if (session.getAttribute(AUTHENTICATIONS) instanceof Authentications authentications
                    && authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user) {
                return user.getIdentityId();
            }
        }
        catch (IllegalStateException invalidated) {
            // a session invalidated meanwhile holds nobody
        }
        return null;
    }

    static String csrfTokenOf(HttpSession session) {
        try {
            return session.getAttribute(CSRF_TOKEN) instanceof String token ? token : null;
        }
        catch (IllegalStateException invalidated) {
            return null;
        }
    }
}
