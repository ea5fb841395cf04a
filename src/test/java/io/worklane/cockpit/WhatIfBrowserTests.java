package io.worklane.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.worklane.HeadlessChromium;
import io.worklane.PostgresIntegrationTest;
import io.worklane.agent.Agents;
import io.worklane.security.WorklaneGroups;
import io.worklane.simulation.RecordedHour;

/**
 * The What-if page in Cockpit, in a real browser: pia, a process owner, replays a recorded hour ({@link RecordedHour})
 * with a priority schema that puts Silver first, follows the run until it is done and reads both runs side by side;
 * a supervisor of Sales alone reads the server's refusal. Screenshots in {@code target/cockpit-screenshots/whatif-*}.
 */
@ExtendWith(CockpitBrowser.ScreenshotOnFailure.class)
class WhatIfBrowserTests extends PostgresIntegrationTest {

    /** A Monday no other test records, so the period holds this test's items only. */
    private static final Instant T0 = Instant.parse("2031-01-13T09:00:00Z");
    private static final Duration SIMULATION = Duration.ofMinutes(3);
    private static final ZoneId BROWSER_ZONE = ZoneId.of(HeadlessChromium.TIME_ZONE);
    private static final By FORM = By.cssSelector(".worklane-whatif-form");
    private static final By TOTALS = By.cssSelector(".worklane-whatif-totals");
    private static final List<String> TABLES = List.of("totals", "groups", "backlog", "agents", "differences");

    @LocalServerPort
    private int port;

    @Autowired
    private Agents agents;

    @TempDir
    private Path files;

    private CockpitBrowser browser;

    @BeforeEach
    void processOwnerAndASalesSupervisor() {
        // without an administrator the webapps show Camunda's setup page instead of the login
        group(WorklaneGroups.ADMINS, "Administrators", Groups.GROUP_TYPE_SYSTEM);
        member("ada-cockpit", WorklaneGroups.ADMINS);
        as("paula", "process-owners");
        department("sales", "Sales");
        member("sid", "supervisors", "sales");
    }

    @AfterEach
    void closeBrowserAndRealTimeAgain() {
        ClockUtil.reset();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aProcessOwnerSeesHowPuttingSilverFirstWouldHaveChangedTheRecordedHour() throws IOException {
        RecordedHour hour = new RecordedHour(T0, agents, this::agent, this::sourceSystem, this::stateOf);
        hour.record();
        // the browser's session lives now; the hour stays recorded in 2031
        ClockUtil.reset();
        Path candidate = Files.writeString(files.resolve("priority-schema.dmn"),
                RecordedHour.silverFirstPrioritySchema());

        browser = new CockpitBrowser(port, "whatif");
        browser.logIn("paula");
        browser.click(By.cssSelector(".worklane-menu-worklane-whatif"));
        browser.waitFor(FORM);
        typeLocalTime("from", hour.start());
        typeLocalTime("to", hour.end());
        browser.driver().findElement(By.cssSelector(".worklane-whatif-models"))
            .sendKeys(candidate.toAbsolutePath().toString());
        browser.screenshot("form");

        browser.type(By.cssSelector(".worklane-whatif-roster"), "{\"id\": \"ana\"}");
        browser.click(By.cssSelector(".worklane-whatif-run"));
        assertThat(browser.waitForText(By.cssSelector(".worklane-messages .alert-warning"), "roster"))
            .as("checked before anything is sent").contains("JSON array");
        browser.driver().findElement(By.cssSelector(".worklane-whatif-roster")).clear();
        browser.click(By.cssSelector(".worklane-whatif-run"));

        String id = browser.waitUntil(page -> simulationShown());
        assertThat(browser.waitForText(By.cssSelector("[data-field='candidateModels']"), "priority-schema.dmn"))
            .contains("priority-schema.dmn");
        assertThat(browser.text(By.cssSelector("[data-field='arrivals']"))).contains(String.valueOf(RecordedHour.ITEMS));
        if (isUnderWay(stateShown())) {
            assertThat(browser.text(By.cssSelector(".worklane-whatif-running"))).containsAnyOf("Running", "Queued");
            browser.screenshot("running");
        }
        browser.waitUntil(SIMULATION, page -> !isUnderWay(stateShown()));
        assertThat(stateShown()).as(browser.textNow(By.cssSelector(".worklane-whatif-failed"))).isEqualTo("DONE");

        assertThat(browser.texts(By.cssSelector(".worklane-whatif-totals thead th")))
            .containsExactly("Figure", "Current", "Candidate", "Difference");
        assertThat(cell(TOTALS, "tr[data-figure='arrived'] td[data-run='current']")).isEqualTo("16");
        assertThat(cell(TOTALS, "tr[data-figure='arrived'] td[data-run='candidate']")).isEqualTo("16");
        assertThat(browser.text(TOTALS)).doesNotContain("NaN", "undefined", "null", "[object");

        By segments = By.cssSelector(".worklane-whatif-segments");
        String silver = "tr[data-group='Silver'] td[data-figure='meanWaitSeconds']";
        double silverNow = value(segments, silver + "[data-run='current']");
        double silverThen = value(segments, silver + "[data-run='candidate']");
        assertThat(silverThen).as("Silver first: Silver waits less").isLessThan(silverNow);
        WebElement silverDifference = browser.driver().findElement(segments)
            .findElement(By.cssSelector(silver + "[data-run='candidate'] + td.worklane-difference"));
        assertThat(silverDifference.getDomAttribute("class")).contains("worklane-better");
        assertThat(silverDifference.getText()).startsWith("−");
        assertThat(browser.text(By.cssSelector(".worklane-whatif-departments"))).contains("Sales");

        browser.waitUntil(page -> browser.driver().findElements(By.cssSelector(".worklane-whatif-chart canvas"))
            .size() == 3);
        List<String> csv = browser.driver().findElements(By.cssSelector("a.worklane-whatif-csv")).stream()
            .map(link -> link.getDomAttribute("href")).toList();
        assertThat(csv).containsExactlyElementsOf(TABLES.stream()
            .map(table -> "/api/simulations/" + id + "/" + table + ".csv").toList());
        assertThat(fetched(csv.get(0))).as("the totals as the link downloads them").startsWith("run,arrived,")
            .contains("\ncurrent,16,").contains("\ncandidate,16,");
        assertThat(browser.driver().findElement(By.cssSelector("a.worklane-whatif-json")).getDomAttribute("href"))
            .isEqualTo("/api/simulations/" + id);

        browser.screenshot("results-summary-and-totals");
        scrollTo(".worklane-whatif-charts");
        browser.screenshot("results-charts");
        scrollTo(".worklane-whatif-by-department");
        browser.screenshot("results-by-department-and-segment");

        browser.click(By.cssSelector(".worklane-links a[href='#/worklane/whatif']"));
        String listed = browser.waitForText(By.cssSelector(".worklane-whatif-list tr[data-simulation='" + id + "']"),
                "Done");
        assertThat(listed).contains("paula").contains("Current vs Candidate").contains("priority-schema.dmn").contains("16");
        browser.screenshot("list");

        // without a candidate the current run alone: nothing to compare it with
        typeLocalTime("from", hour.start());
        typeLocalTime("to", hour.end());
        browser.click(By.cssSelector(".worklane-whatif-run"));
        browser.waitUntil(page -> simulationShown() != null && !id.equals(simulationShown()));
        browser.waitUntil(SIMULATION, page -> !isUnderWay(stateShown()));
        assertThat(stateShown()).as(browser.textNow(By.cssSelector(".worklane-whatif-failed"))).isEqualTo("DONE");
        assertThat(browser.texts(By.cssSelector(".worklane-whatif-totals thead th"))).containsExactly("Figure", "Current");
        assertThat(cell(TOTALS, "tr[data-figure='arrived'] td[data-run='current']")).isEqualTo("16");
        assertThat(browser.driver().findElements(By.cssSelector(".worklane-whatif-view .worklane-difference")))
            .isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("a.worklane-whatif-csv"))).hasSize(TABLES.size() - 1);
        browser.waitUntil(page -> browser.driver().findElements(By.cssSelector(".worklane-whatif-chart canvas"))
            .size() == 3);
        browser.screenshot("one-run");
        scrollTo(".worklane-whatif-by-department");
        browser.screenshot("one-run-by-department-and-segment");
    }

    @Test
    void aSupervisorOfOneDepartmentReadsTheServersRefusal() {
        browser = new CockpitBrowser(port, "whatif-refused");
        browser.logIn("sid");
        browser.click(By.cssSelector(".worklane-menu-worklane-whatif"));
        String refusal = browser.waitForText(By.cssSelector(".worklane-messages .alert-danger"), "all-departments");
        assertThat(refusal).contains("A simulation shows every department's figures");
        assertThat(browser.isShown(FORM)).as("no form that would only fail").isFalse();
        browser.screenshot("refused");
    }

    /**
     * As a person types into Chromium's datetime-local field in US English: month, day and year, Tab to the time,
     * hours, minutes and AM/PM; the field must then hold exactly that local time.
     */
    private void typeLocalTime(String name, Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, BROWSER_ZONE);
        WebElement field = browser.waitFor(By.cssSelector(".worklane-whatif-form input[name='" + name + "']"));
        field.clear();
        field.sendKeys(local.format(DateTimeFormatter.ofPattern("MMddyyyy")), Keys.TAB,
                local.format(DateTimeFormatter.ofPattern("hhmma", Locale.US)));
        assertThat(field.getDomProperty("value")).isEqualTo(local.format(DateTimeFormatter.ofPattern(
                "yyyy-MM-dd'T'HH:mm")));
    }

    /** The id of the simulation whose page is open, null on another page. */
    private String simulationShown() {
        return (String) browser.script("const match = location.hash.match(/^#\\/worklane\\/whatif\\/([^/?]+)$/);"
                + " return match && match[1];");
    }

    private String stateShown() {
        return (String) browser.script("const label = document.querySelector("
                + "'.worklane-whatif-view .section-title .worklane-whatif-state'); return label && label.dataset.state;");
    }

    private static boolean isUnderWay(String state) {
        return state == null || "QUEUED".equals(state) || "RUNNING".equals(state);
    }

    private String cell(By table, String css) {
        return HeadlessChromium.normalized(browser.driver().findElement(table).findElement(By.cssSelector(css)).getText());
    }

    private double value(By table, String css) {
        return Double.parseDouble(browser.driver().findElement(table).findElement(By.cssSelector(css))
            .getDomAttribute("data-value"));
    }

    /** A link's target as the browser fetches it, with the user's session. */
    private String fetched(String href) {
        return (String) browser.script("return fetch(arguments[0], { credentials: 'same-origin' })"
                + ".then(response => response.text());", href);
    }

    private void scrollTo(String css) {
        browser.script("document.querySelector(arguments[0]).scrollIntoView({ block: 'start' })", css);
    }
}
