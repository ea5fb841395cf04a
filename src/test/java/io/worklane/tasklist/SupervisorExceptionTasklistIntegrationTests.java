package io.worklane.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.worklane.PostgresIntegrationTest;
import io.worklane.exceptions.ExceptionWatch;
import io.worklane.security.WorklaneGroups;

/**
 * A supervisor's day in Tasklist: the Exceptions filter holds an overdue item of her department; she claims the
 * task, chooses to give the item to an agent in its form, completes it, and the agent is offered the item.
 */
@org.junit.jupiter.api.extension.ExtendWith(TasklistBrowser.ScreenshotOnFailure.class)
class SupervisorExceptionTasklistIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final By TASKS = By.cssSelector("ol.tasks-list");
    private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");

    @LocalServerPort
    private int port;

    @Autowired
    private ExceptionWatch watch;

    private TasklistBrowser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aSupervisorResolvesAnOverdueExceptionByGivingTheItemToAnAgent() {
        group(WorklaneGroups.ADMINS, "Administrators", Groups.GROUP_TYPE_SYSTEM);
        member("ada-exceptions", WorklaneGroups.ADMINS);
        department("sales", "Sales");
        member("sofia-tl", "supervisors", "sales");
        member("uma", "agents", "sales");
        var saved = supervisor().put("/api/agents/uma", Map.of("displayName", "Uma", "skills",
                Map.of("Sales Processing", 9), "capacity", Map.of("workitem", 1), "groups", List.of("sales")));
        assertThat(saved.status()).isIn(200, 201);
        String id = sourceSystem("crm").post("/api/work-items", Map.of("externalId", "EXC-TL-1", "requestType", "Lead",
                "dueAt", Instant.now().minusSeconds(7200).toString())).text("id");
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(id)));
        watch.look();

        browser = new TasklistBrowser(port, "5-supervisor-exception");
        browser.logIn("sofia-tl", "sofia-tl");
        browser.click(By.xpath("//div[contains(@class,'task-filter')]//h4/a[starts-with(normalize-space(),'Exceptions')]"));
        browser.waitForText(TASKS, "Overdue: EXC-TL-1");
        browser.screenshot("exceptions-filter");
        browser.click(By.xpath("//ol[contains(@class,'tasks-list')]//h4/a[normalize-space()='Overdue: EXC-TL-1']"));
        browser.click(By.cssSelector("[cam-tasklist-task-meta] .claim"));
        browser.waitFor(By.xpath("//label[contains(@class,'fjs-form-field-label')][normalize-space()='Give it to an "
                + "agent']"));
        assertThat(browser.text(By.cssSelector(".fjs-form"))).contains("Past its due date").contains("still waiting in the queue");
        browser.click(By.xpath("//label[contains(@class,'fjs-form-field-label')][normalize-space()='Give it to an "
                + "agent']"));
        browser.waitFor(By.xpath("//div[contains(@class,'fjs-form-field-textfield')][.//label[normalize-space()="
                + "'Agent*' or normalize-space()='Agent']]//input")).sendKeys("uma");
        browser.screenshot("reassign-chosen");
        browser.click(COMPLETE);

        await().atMost(PATIENCE).until(() -> "uma".equals(jdbc.queryForObject(
                "SELECT preferred_agent FROM work_item WHERE id = ?", String.class, id)));
        browser.waitUntil(page -> !browser.textNow(TASKS).contains("EXC-TL-1"));
        assertThat(count("SELECT COUNT(*) FROM supervisor_exception WHERE status = 'ACKNOWLEDGED'")).isOne();
        browser.screenshot("exception-resolved");

        assertThat(as("uma").put("/api/agents/uma/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(id)));
        assertThat(jdbc.queryForObject("SELECT assignee FROM work_item WHERE id = ?", String.class, id)).isEqualTo("uma");
    }
}
