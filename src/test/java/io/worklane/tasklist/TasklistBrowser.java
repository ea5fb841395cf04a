package io.worklane.tasklist;

import org.openqa.selenium.By;

import io.worklane.HeadlessChromium;

/** Camunda Tasklist in headless Chromium, as an agent or a supervisor in Berlin uses it. */
final class TasklistBrowser extends HeadlessChromium {

    TasklistBrowser(int port, String scenario) {
        super(port, "tasklist", scenario);
    }

    /** Tasklist's own login page, as a person uses it. */
    void logIn(String user, String password) {
        logInTo(user, password);
    }

    /** The account menu's "Log out", as a person uses it. */
    void logOut() {
        click(By.cssSelector("[cam-widget-header] .account > a"));
        click(By.cssSelector("[cam-widget-header] .account .logout a"));
        waitFor(By.cssSelector("input[ng-model='username']"));
    }
}
