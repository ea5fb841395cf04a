package io.worklane.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;
import io.worklane.insights.ScriptedDay;
import io.worklane.security.WorklaneGroups;

/**
 * The insights pages in Cockpit, in a real browser, as rita, a supervisor of Sales: the wallboard follows the queue
 * without a reload, and the Intraday Process report draws the scripted day of {@link ScriptedDay} with its chart.
 */
@ExtendWith(CockpitBrowser.ScreenshotOnFailure.class)
class InsightsBrowserTests extends PostgresIntegrationTest {

    private static final Duration WALLBOARD_REFRESH = Duration.ofSeconds(5);

    @LocalServerPort
    private int port;

    private final LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
    private CockpitBrowser browser;
    private ApiClient crm;

    @BeforeEach
    void salesSupervisorAndHerDay() {
        group(WorklaneGroups.ADMINS, "Administrators", Groups.GROUP_TYPE_SYSTEM);
        member("ada-cockpit", WorklaneGroups.ADMINS);
        department("sales", "Sales");
        member("rita", "supervisors", "sales");
        member("alice", "agents", "sales");
        member("bob", "agents", "sales");
        crm = sourceSystem("crm-insights");
        new ScriptedDay(jdbc, day).write();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theWallboardShowsANewItemWithoutAReload() {
        browser = new CockpitBrowser(port, "wallboard");
        browser.logIn("rita");
        browser.click(By.cssSelector(".worklane-menu-worklane-wallboard"));
        browser.waitForText(By.cssSelector(".worklane-queue-activity"), "Sales");
        browser.waitForText(By.cssSelector(".worklane-agent-activity"), "alice");
        long before = queuedNow();
        browser.screenshot("wallboard");

        var captured = crm.post("/api/work-items", Map.of("externalId", "WALL-1", "requestType", "Lead",
                "customerSegment", "Gold"));
        assertThat(captured.status()).isEqualTo(201);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "QUEUED".equals(stateOf(
                captured.text("id"))));
        // the page asks again every 3 s: the new item shows within the wallboard's promise, without a reload
        browser.waitUntil(WALLBOARD_REFRESH.plusSeconds(2), page -> queuedNow() == before + 1);
        assertThat(browser.text(By.cssSelector(".worklane-queue-activity"))).contains("Sales");
        browser.screenshot("wallboard-after-a-new-item");
    }

    @Test
    void theIntradayProcessReportDrawsTheDayWithItsTargets() {
        browser = new CockpitBrowser(port, "reports");
        browser.logIn("rita");
        browser.open("#/worklane/reports?report=intraday-process&from=" + day + "&to=" + day.plusDays(1)
                + "&grain=day");
        browser.waitFor(By.cssSelector(".worklane-chart canvas"));
        String table = browser.waitForText(By.cssSelector(".worklane-report-table"), "Sales");
        assertThat(table).contains("Leads").contains("70");
        assertThat(browser.texts(By.cssSelector(".worklane-report-table .worklane-kpi-MISSED"))).isNotEmpty();
        browser.screenshot("intraday-process-report");

        browser.open("#/worklane/reports?report=resource-performance&from=" + day + "&to=" + day + "&grain=total");
        String agents = browser.waitForText(By.cssSelector(".worklane-report-table"), "alice");
        browser.waitFor(By.cssSelector(".worklane-chart canvas"));
        assertThat(agents).as("not-ready time per reason in words").contains("Lunch 30 min")
            .doesNotContain("[object");
        assertThat(browser.text(By.cssSelector(".worklane-report-heading"))).contains("over the whole range");
        browser.screenshot("resource-performance-report");
    }

    /** Sales's items queued now, over its processes, as the wallboard shows them. */
    private long queuedNow() {
        Object value = browser.script("""
                const table = document.querySelector('.worklane-queue-activity');
                if (!table) { return -1; }
                const headers = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim().toLowerCase());
                const column = headers.findIndex(text => text.startsWith('queued'));
                let queued = 0;
                for (const row of table.querySelectorAll('tbody tr')) {
                  if (row.children[0].textContent.trim() === 'Sales') {
                    queued += parseInt(row.children[column].textContent, 10);
                  }
                }
                return queued;""");
        return value instanceof Number number ? number.longValue() : -1;
    }
}
