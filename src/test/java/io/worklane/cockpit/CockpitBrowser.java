package io.worklane.cockpit;

import io.worklane.HeadlessChromium;

/** Camunda Cockpit in headless Chromium, as a supervisor in Berlin uses it. */
final class CockpitBrowser extends HeadlessChromium {

    CockpitBrowser(int port, String scenario) {
        super(port, "cockpit", scenario);
    }

    /** Cockpit's own login page (password = user id in the tests), as a person uses it. */
    void logIn(String user) {
        logInTo(user, user);
        awaitCockpitIdle();
    }

    /**
     * A Cockpit route, e.g. "#/worklane/queue", reached as a click on a link reaches it: without loading Cockpit
     * again, once Cockpit's own calls are done.
     */
    void open(String hash) {
        awaitCockpitIdle();
        script("location.hash = arguments[0]", hash.substring(1));
    }

    /** Cockpit (AngularJS) has no call of its own under way. */
    void awaitCockpitIdle() {
        waitUntil(browser -> Boolean.TRUE.equals(script("try { var injector = window.angular"
                + " && window.angular.element(document.body).injector();"
                + " return !!injector && injector.get('$http').pendingRequests.length === 0; }"
                + " catch (e) { return false; }")));
    }
}
