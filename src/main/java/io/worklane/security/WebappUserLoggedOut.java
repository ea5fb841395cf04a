package io.worklane.security;

/** A user left the Camunda webapps: logged out, or their session expired or was invalidated. */
public record WebappUserLoggedOut(String userId) {
}
