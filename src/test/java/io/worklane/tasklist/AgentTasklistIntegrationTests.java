package io.worklane.tasklist;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;
import io.worklane.TestContextSources;
import io.worklane.routing.RonaTimeoutForTests;
import io.worklane.routing.Router;
import io.worklane.security.WorklaneGroups;

/**
 * An agent's whole day in Camunda Tasklist with Worklane's plugins, in a real browser: presence in the navbar,
 * items that arrive without a reload, the item in full, parking and pulling, My day, a missed offer, logging out.
 * Every step is checked on the page and on the server; screenshots go to target/tasklist-screenshots/.
 */
@ExtendWith(TasklistBrowser.ScreenshotOnFailure.class)
class AgentTasklistIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final By PRESENCE = By.cssSelector(".worklane-presence-state");
    private static final By PRESENCE_REASON = By.cssSelector(".worklane-presence-reason");
    private static final By GO_READY = By.cssSelector(".worklane-go-ready");
    private static final By TASKS = By.cssSelector("ol.tasks-list");
    private static final By WORK_ITEM_TAB = By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Work item']");
    private static final By FORM_TAB = By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Form']");
    private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");
    private static final By WORKBIN = By.cssSelector(".worklane-workbin > a");
    private static final By WORKBIN_COUNT = By.cssSelector(".worklane-workbin-count");
    private static final By MY_DAY = By.cssSelector(".worklane-day > a");

    @LocalServerPort
    private int port;

    @Autowired
    private Router router;

    @Autowired
    private JobExecutor jobExecutor;

    private TasklistBrowser browser;

    /** Without one, the webapps show their first-run page (create an administrator) instead of the login. */
    @BeforeEach
    void anAdministratorExists() {
        if (identityService.createGroupQuery().groupId(WorklaneGroups.ADMINS).count() == 0) {
            Group admins = identityService.newGroup(WorklaneGroups.ADMINS);
            admins.setName("Administrators");
            admins.setType(Groups.GROUP_TYPE_SYSTEM);
            identityService.saveGroup(admins);
        }
        as("ada");
        if (identityService.createUserQuery().memberOfGroup(WorklaneGroups.ADMINS).count() == 0) {
            identityService.createMembership("ada", WorklaneGroups.ADMINS);
        }
    }

    private void open(String scenario) {
        browser = new TasklistBrowser(port, scenario);
    }

    /** After the failure's screenshot (TasklistBrowser.ScreenshotOnFailure). */
    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAutoAgentGoesReadyWorksAnItemInFullParksPullsAndFinishesIt() throws Exception {
        ApiClient tara = readyToBe("tara", "AUTO");
        department("sales", "Sales");
        member("tara", "sales");
        TestContextSources.crm().stubFor(get("/customers/C-TASKLIST")
            .willReturn(okJson("{\"segment\":\"Gold\",\"status\":\"Active\",\"nps\":9}")));
        // the customer's earlier lead, canceled by its source: tara's contact history shows it
        String earlier = capture("WL-UI-0", "C-TASKLIST", false);
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(earlier)));
        assertThat(sourceSystem("crm").post("/api/work-items/" + earlier + "/cancel", null).status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "CANCELED".equals(stateOf(earlier)));
        open("1-auto-agent");
        browser.logIn("tara", "tara");
        assertThat(browser.script("return Intl.DateTimeFormat().resolvedOptions().timeZone"))
            .isEqualTo(TasklistBrowser.TIME_ZONE);
        browser.waitForText(PRESENCE, "Not ready");
        assertThat(browser.isShown(GO_READY)).isTrue();
        browser.screenshot("logged-in-not-ready");

        browser.click(By.cssSelector(".worklane-presence > a"));
        browser.waitFor(By.cssSelector(".worklane-presence-menu [data-reason='Lunch']"));
        browser.screenshot("presence-menu");
        browser.click(By.cssSelector(".worklane-presence-menu [data-presence='READY']"));
        browser.waitForText(PRESENCE, "Ready");
        assertThat(presenceOf("tara")).isEqualTo("READY");
        assertThat(browser.isShown(GO_READY)).as("no Go ready button while ready").isFalse();
        String clockBefore = browser.text(By.cssSelector(".worklane-presence-clock"));
        browser.waitUntil(Duration.ofSeconds(3),
                page -> !browser.text(By.cssSelector(".worklane-presence-clock")).equals(clockBefore));

        String id = capture("WL-UI-1", "C-TASKLIST", true);
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(id)));
        Instant assigned = Instant.now();
        addNestedContext(id);
        // Tasklist's own refresh comes every 10 s: the plugin must bring it sooner
        browser.waitForText(TASKS, "WL-UI-1", Duration.ofSeconds(3));
        long latency = Duration.between(assigned, Instant.now()).toMillis();
        assertThat(latency).as("the item shows up in the list within 2 s (+1 s for this machine)").isLessThan(3000);
        browser.waitForText(By.cssSelector(".worklane-notices"), "New work item: WL-UI-1");
        String card = browser.text(By.cssSelector("ol.tasks-list li.task .worklane-card"));
        String priority = tara.get("/api/work-items/" + id).text("priority");
        assertThat(card).contains("WL-UI-1").contains("Jo Doe").contains("Due in").endsWith(priority);
        browser.screenshot("item-arrived-without-reload");
        browser.click(By.cssSelector(".worklane-notices [data-notice='new-" + id + "'] .close"));
        browser.waitUntil(page -> !browser.isShown(By.cssSelector(".worklane-notices [data-notice='new-" + id + "']")));

        browser.click(By.cssSelector("ol.tasks-list li.task h4 a"));
        browser.click(WORK_ITEM_TAB);
        browser.waitForText(By.cssSelector(".worklane-item-title"), "WL-UI-1");
        Map<String, String> core = new LinkedHashMap<>();
        core.put("externalId", "External id WL-UI-1");
        core.put("sourceSystem", "Source system crm");
        core.put("department", "Department Sales");
        core.put("process", "Process Lead Handling");
        core.put("requestType", "Type of request Lead");
        core.put("customerId", "Customer id C-TASKLIST");
        core.put("name", "First name Jo");
        core.put("surname", "Surname Doe");
        core.put("customerSegment", "Customer segment Gold");
        core.put("contactNumber", "Contact number +49 30 1234567");
        core.put("alternativeContactNumber", "Alternative contact number +49 170 7654321");
        core.put("product", "Product Suite");
        core.put("subproduct", "Subproduct Enterprise");
        core.put("dealValue", "Deal value 12,500.5");
        core.put("preferredAgent", "Preferred agent tara");
        core.put("mediaType", "Media type workitem");
        core.put("description", "Description Quote for 20 seats");
        core.forEach((field, shown) -> assertThat(row("core", field)).as(field).isEqualTo(shown));
        assertThat(row("attributes", "channel")).isEqualTo("Channel web");
        assertThat(row("attributes", "campaignCode")).isEqualTo("Campaign code SPRING-26");
        assertThat(row("attributes", "firstContact")).isEqualTo("First contact Yes");
        assertThat(row("context", "accountStatus")).isEqualTo("Account status Active");
        assertThat(row("context", "npsScore")).isEqualTo("Nps score 9");
        assertThat(row("context", "loyaltyTier")).as("from the SQL source").isEqualTo("Loyalty tier Platinum");
        assertThat(row("context", "loyaltyPoints")).isEqualTo("Loyalty points 12,000");
        assertThat(row("context", "creditReport")).as("a nested object, rendered from the data")
            .contains("Credit report").contains("Score 712").contains("Bureau Schufa").contains("Flags late-2024, address-check")
            .contains("Checked at Mar 2, 2026, 10:30 AM GMT+1");
        assertThat(browser.text(By.cssSelector(".worklane-contacts tr[data-external-id='WL-UI-0']")))
            .as("the customer's contact history").contains("WL-UI-0").contains("Lead").contains("Canceled");
        Instant due = Instant.parse(tara.get("/api/work-items/" + id).text("dueAt"));
        String dueInBerlin = DateTimeFormatter.ofPattern("MMM d, yyyy, hh:mm a", Locale.US)
            .format(due.atZone(ZoneId.of(TasklistBrowser.TIME_ZONE)));
        assertThat(row("dates", "dueAt")).as("in the user's time zone").contains("Due " + dueInBerlin)
            .containsPattern("GMT\\+[12] \\(in \\d+ (days|hours)\\)");
        WebElement link = browser.waitFor(By.cssSelector(".worklane-source-link"));
        assertThat(link.getAttribute("href")).isEqualTo("https://crm.example.com/leads/WL-UI-1");
        assertThat(link.getAttribute("rel")).contains("noopener");
        assertThat(link.getAttribute("target")).isEqualTo("_blank");
        assertThat(browser.text(By.cssSelector(".worklane-history tr[data-event='CAPTURED']")))
            .contains("Captured").contains("crm (source system)").containsPattern("\\d{4}, \\d{2}:\\d{2} [AP]M");
        assertThat(browser.text(By.cssSelector(".worklane-history tr[data-event='OFFERED']")))
            .contains("Offered").contains("Worklane (router)").contains("Agent tara");
        browser.screenshot("work-item-tab");
        browser.script("document.querySelector('.worklane-attributes').scrollIntoView({block: 'center'})");
        browser.screenshot("work-item-tab-attributes-context-history");

        // Tasklist's controls that would break routing are hidden; the assignee stays readable
        assertThat(browser.isShown(By.cssSelector("[cam-tasklist-task-meta] .unclaim"))).isFalse();
        assertThat(browser.isShown(By.cssSelector("[cam-tasklist-task-meta] .followup-date"))).isFalse();
        assertThat(browser.isShown(By.cssSelector("[cam-tasklist-task-meta] .due-date"))).isFalse();
        assertThat(browser.isShown(By.cssSelector("[cam-tasklist-task-meta] .groups"))).isFalse();
        assertThat(browser.text(By.cssSelector("[cam-tasklist-task-meta] .assignee"))).isEqualTo("Tara Agent");

        browser.click(FORM_TAB);
        browser.click(formChoice("Park in my workbin"));
        browser.screenshot("park-chosen-in-form");
        browser.click(COMPLETE);
        await().atMost(PATIENCE).until(() -> "PARKED".equals(stateOf(id)));
        browser.waitForText(WORKBIN_COUNT, "1");
        browser.waitUntil(page -> !browser.textNow(TASKS).contains("WL-UI-1"));
        browser.click(WORKBIN);
        String parked = browser.waitForText(By.cssSelector(".worklane-workbin-item[data-item-id='" + id + "']"),
                "WL-UI-1");
        assertThat(parked).contains("Jo Doe").contains("Parked").contains("Pull");
        browser.screenshot("workbin-with-parked-item");

        browser.click(By.cssSelector(".worklane-workbin-item[data-item-id='" + id + "'] .worklane-pull"));
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(id)));
        browser.waitForText(By.cssSelector(".worklane-notices"), "WL-UI-1 is back in your task list.");
        browser.waitForText(TASKS, "WL-UI-1", Duration.ofSeconds(5));
        browser.waitForText(WORKBIN_COUNT, "0");
        assertThat(browser.isShown(By.cssSelector(".worklane-workbin-panel"))).as("the panel closes").isFalse();
        browser.screenshot("pulled-back-into-the-list");

        browser.click(By.cssSelector("ol.tasks-list li.task h4 a"));
        browser.click(FORM_TAB);
        browser.click(formChoice("Mark done"));
        browser.click(By.cssSelector(".fjs-form-field-select .fjs-select-display"));
        browser.click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='Converted']"));
        browser.screenshot("mark-done-chosen-in-form");
        browser.click(COMPLETE);
        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM work_item_event WHERE work_item_id = ? "
                + "AND type = 'DONE'", id) == 1);
        assertThat(stateOf(id)).isIn("COMPLETED", "AWAITING_CONFIRMATION");

        browser.click(MY_DAY);
        browser.waitForText(By.cssSelector(".worklane-day-table tr[data-stat='handled']"), "Handled 1");
        assertThat(browser.text(By.cssSelector(".worklane-day-table tr[data-stat='accepted']")))
            .isEqualTo("Offers accepted 1");
        assertThat(browser.text(By.cssSelector(".worklane-day-table tr[data-stat='ready']"))).startsWith("Ready ");
        assertThat(browser.text(By.cssSelector(".worklane-day-table tr[data-stat='average']")))
            .matches("Average handle time \\d+ (s|min.*)");
        assertThat(browser.text(By.cssSelector(".worklane-load[data-media='workitem']"))).contains("Work items 0 of 2");
        assertThat(tara.get("/api/agents/tara/day").body().path("handled").asInt()).isEqualTo(1);
        browser.screenshot("my-day-one-handled");
    }

    @Test
    void aManualAgentSeesTheOfferRunOutAndIsReadyAgainInOneClick() {
        readyToBe("mona", "MANUAL");
        open("2-manual-agent");
        try (RonaTimeoutForTests shortRona = RonaTimeoutForTests.shorten(router, Duration.ofSeconds(15))) {
            browser.logIn("mona", "mona");
            browser.click(GO_READY);
            browser.waitForText(PRESENCE, "Ready");
            assertThat(presenceOf("mona")).isEqualTo("READY");

            String id = capture("WL-UI-2", null, false);
            await().atMost(PATIENCE).until(() -> "OFFERED".equals(stateOf(id)));
            browser.waitForText(By.cssSelector(".worklane-notices"), "New offer: WL-UI-2", Duration.ofSeconds(3));
            String first = browser.waitForText(By.cssSelector(".worklane-countdown"), "Answer within 0:",
                    Duration.ofSeconds(5));
            assertThat(seconds(first)).isBetween(1, 15);
            browser.screenshot("offer-with-countdown");
            browser.waitUntil(Duration.ofSeconds(4),
                    page -> seconds(browser.text(By.cssSelector(".worklane-countdown"))) < seconds(first));

            browser.click(By.cssSelector("ol.tasks-list li.task h4 a"));
            browser.click(WORK_ITEM_TAB);
            browser.waitForText(By.cssSelector(".worklane-item-state"), "Offered");
            assertThat(browser.text(By.cssSelector(".worklane-fields-dates tr[data-field='offerExpiresAt']")))
                .startsWith("Offer expires");
            assertThat(browser.isShown(By.cssSelector(".worklane-source-link"))).as("no sourceUrl, no link").isFalse();
            browser.screenshot("offer-work-item-tab");

            // nobody answers: the offer runs out (RONA). The idle job executor backs off up to a minute between
            // looks; once the card says so, it is told to look now (the timer itself fires only because it is due)
            browser.waitForText(By.cssSelector("ol.tasks-list .worklane-countdown"), "Offer expired",
                    Duration.ofSeconds(20));
            jobExecutor.jobWasAdded();
            browser.waitForText(By.cssSelector(".worklane-notices [data-notice='rona']"),
                    "You missed an offer (WL-UI-2).", Duration.ofSeconds(10));
            assertThat(stateOf(id)).isEqualTo("QUEUED");
            assertThat(presenceOf("mona")).isEqualTo("NOT_READY");
            assertThat(jdbc.queryForObject("SELECT presence_reason FROM agent WHERE id = 'mona'", String.class))
                .isEqualTo("RONA");
            assertThat(browser.text(PRESENCE)).isEqualTo("Not ready");
            assertThat(browser.text(PRESENCE_REASON)).contains("missed an offer");
            browser.waitUntil(page -> !browser.textNow(TASKS).contains("WL-UI-2"));
            browser.screenshot("missed-offer-notice");

            shortRona.close();
            browser.click(By.cssSelector(".worklane-notices [data-notice='rona'] .worklane-notice-action button"));
            browser.waitForText(PRESENCE, "Ready");
            assertThat(presenceOf("mona")).isEqualTo("READY");
            assertThat(browser.isShown(By.cssSelector(".worklane-notices [data-notice='rona']"))).isFalse();
            // the missed item waits for someone else; her next one is offered to her again
            assertThat(stateOf(id)).isEqualTo("QUEUED");
            String next = capture("WL-UI-2B", null, false);
            await().atMost(PATIENCE).until(() -> "OFFERED".equals(stateOf(next)));
            browser.waitForText(TASKS, "WL-UI-2B", Duration.ofSeconds(3));
            browser.waitForText(By.cssSelector(".worklane-notices"), "New offer: WL-UI-2B");
            browser.waitForText(By.cssSelector("ol.tasks-list .worklane-countdown"), "Answer within 1:");
            browser.screenshot("ready-again-next-offer");
        }
    }

    @Test
    void loggingOutMakesTheAgentLoggedOutAndNothingIsOfferedUntilTheyAreReadyAgain() {
        readyToBe("lou", "AUTO");
        open("3-logout");
        browser.logIn("lou", "lou");
        browser.click(GO_READY);
        browser.waitForText(PRESENCE, "Ready");
        assertThat(presenceOf("lou")).isEqualTo("READY");

        browser.logOut();
        assertThat(presenceOf("lou")).isEqualTo("LOGGED_OUT");
        browser.screenshot("logged-out");

        // its source sent a due date that has passed: overdue from the start
        String id = capture("WL-UI-3", null, false, Instant.now().minus(Duration.ofHours(2)));
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(id)));
        router.sweep();
        assertThat(stateOf(id)).as("a LOGGED_OUT agent is offered nothing").isEqualTo("QUEUED");

        browser.logIn("lou", "lou");
        browser.waitForText(PRESENCE, "Logged out");
        assertThat(browser.isShown(GO_READY)).isTrue();
        router.sweep();
        assertThat(stateOf(id)).as("logging in is not being ready").isEqualTo("QUEUED");
        assertThat(presenceOf("lou")).isEqualTo("LOGGED_OUT");
        browser.screenshot("logged-in-again-still-logged-out");

        browser.click(GO_READY);
        browser.waitForText(PRESENCE, "Ready");
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(id)));
        assertThat(jdbc.queryForObject("SELECT assignee FROM work_item WHERE id = ?", String.class, id))
            .isEqualTo("lou");
        browser.waitForText(TASKS, "WL-UI-3", Duration.ofSeconds(3));
        browser.waitForText(By.cssSelector(".worklane-notices"), "New work item: WL-UI-3");
        assertThat(browser.text(By.cssSelector("ol.tasks-list li.task .worklane-card"))).contains("WL-UI-3 Overdue");
        browser.screenshot("ready-item-assigned");

        browser.click(By.cssSelector("ol.tasks-list li.task h4 a"));
        browser.click(WORK_ITEM_TAB);
        browser.waitForText(By.cssSelector(".worklane-item-badges"), "Overdue");
        assertThat(row("dates", "dueAt")).matches("Due .* \\(2 hours ago\\) Overdue");
        browser.screenshot("overdue-item-tab");
    }

    @Test
    void aSupervisorHasNoAgentControlsButSeesTheItemInFull() {
        readyToBe("ivy", "AUTO");
        assertThat(as("ivy").put("/api/agents/ivy/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        String id = capture("WL-UI-4", null, false);
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(id)));
        supervisor();
        named("sofia", "Sofia", "Supervisor");
        open("4-supervisor");
        browser.logIn("sofia", "sofia");
        browser.click(By.xpath("//*[contains(@class,'task-filters')]//a[contains(normalize-space(),'All work items')]"));
        browser.waitForText(TASKS, "WL-UI-4");
        assertThat(browser.isShown(By.cssSelector(".worklane-navbar-item"))).as("no presence, workbin or day").isFalse();
        assertThat(browser.isShown(By.cssSelector(".worklane-notices .alert"))).as("no error either").isFalse();

        browser.click(By.cssSelector("ol.tasks-list li.task h4 a"));
        browser.click(WORK_ITEM_TAB);
        browser.waitForText(By.cssSelector(".worklane-item-title"), "WL-UI-4");
        assertThat(row("routing", "assignee")).isEqualTo("Assignee ivy");
        assertThat(browser.text(By.cssSelector(".worklane-history tr[data-event='OFFERED']"))).contains("Agent ivy");
        browser.screenshot("supervisor-work-item-tab");
    }

    /** An agent with a profile (NOT_READY) and a Camunda user whose password is the id. */
    private ApiClient readyToBe(String id, String answerMode) {
        ApiClient agent = as(id, "agents");
        named(id, Character.toUpperCase(id.charAt(0)) + id.substring(1), "Agent");
        var saved = supervisor().put("/api/agents/" + id, Map.of("displayName", id, "skills",
                Map.of("Sales Processing", 8), "capacity", Map.of("workitem", 2), "answerMode", answerMode));
        assertThat(saved.status()).isIn(200, 201);
        return agent;
    }

    /** Tasklist shows the user's name in its header. */
    private void named(String id, String firstName, String lastName) {
        User user = identityService.createUserQuery().userId(id).singleResult();
        user.setFirstName(firstName);
        user.setLastName(lastName);
        identityService.saveUser(user);
    }

    private String capture(String externalId, String customerId, boolean full) {
        return capture(externalId, customerId, full, null);
    }

    private String capture(String externalId, String customerId, boolean full, Instant dueAt) {
        Map<String, Object> item = new LinkedHashMap<>();
        if (dueAt != null) {
            item.put("dueAt", dueAt.toString());
        }
        item.put("externalId", externalId);
        item.put("requestType", "Lead");
        item.put("customerSegment", "Gold");
        if (customerId != null) {
            item.put("customerId", customerId);
        }
        if (full) {
            item.put("name", "Jo");
            item.put("surname", "Doe");
            item.put("contactNumber", "+49 30 1234567");
            item.put("alternativeContactNumber", "+49 170 7654321");
            item.put("product", "Suite");
            item.put("subproduct", "Enterprise");
            item.put("dealValue", 12500.5);
            item.put("description", "Quote for 20 seats");
            item.put("preferredAgent", "tara");
            item.put("mediaType", "workitem");
            item.put("sourceUrl", "https://crm.example.com/leads/" + externalId);
            item.put("attributes", Map.of("channel", "web", "campaignCode", "SPRING-26", "firstContact", true));
        }
        var captured = sourceSystem("crm").post("/api/work-items", item);
        assertThat(captured.status()).as("%s", captured).isEqualTo(201);
        return captured.text("id");
    }

    /** A source of tomorrow may answer objects and lists: the tab shows them without knowing the source. */
    private void addNestedContext(String id) throws Exception {
        String text = jdbc.queryForObject("SELECT context_data FROM work_item WHERE id = ?", String.class, id);
        @SuppressWarnings("unchecked")
        Map<String, Object> context = text == null ? new LinkedHashMap<>() : JSON.readValue(text, Map.class);
        context.put("creditReport", Map.of("score", 712, "bureau", "Schufa", "flags",
                java.util.List.of("late-2024", "address-check"), "checkedAt", "2026-03-02T09:30:00Z"));
        jdbc.update("UPDATE work_item SET context_data = ? WHERE id = ?", JSON.writeValueAsString(context), id);
    }

    private String row(String table, String field) {
        return browser.text(By.cssSelector(".worklane-fields-" + table + " tr[data-field='" + field + "']"));
    }

    private static By formChoice(String label) {
        return By.xpath("//label[contains(@class,'fjs-form-field-label')][normalize-space()='" + label + "']");
    }

    private static int seconds(String countdown) {
        var matcher = java.util.regex.Pattern.compile("(\\d+):(\\d{2})").matcher(countdown);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) * 60 + Integer.parseInt(matcher.group(2)) : -1;
    }

    private String presenceOf(String agentId) {
        return jdbc.queryForObject("SELECT presence FROM agent WHERE id = ?", String.class, agentId);
    }
}
