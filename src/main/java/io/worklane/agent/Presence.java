package io.worklane.agent;

/**
 * READY for work, NOT_READY with a reason, or LOGGED_OUT: the agent left the webapps (logout or an ended session).
 * Only READY agents are offered work; LOGGED_OUT is never chosen, it comes from the logout.
 */
public enum Presence {
    READY, NOT_READY, LOGGED_OUT
}
