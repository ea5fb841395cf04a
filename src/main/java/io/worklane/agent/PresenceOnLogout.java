package io.worklane.agent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.worklane.security.WebappUserLoggedOut;

/** Whoever leaves the webapps is no longer there to take work: their agent (if they are one) is LOGGED_OUT. */
@Component
class PresenceOnLogout {

    private final Agents agents;

    PresenceOnLogout(Agents agents) {
        this.agents = agents;
    }

    @EventListener
    void loggedOut(WebappUserLoggedOut event) {
        agents.markLoggedOut(event.userId());
    }
}
