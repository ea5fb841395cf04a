package io.worklane.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;
import io.worklane.security.WorklaneGroups;

/**
 * The supervisor console in Cockpit, in a real browser: sofia supervises Sales, sam Finance. Each test checks what
 * the page shows and what the server then holds.
 */
@ExtendWith(CockpitBrowser.ScreenshotOnFailure.class)
class SupervisorConsoleIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    private int port;

    private ApiClient crm;
    private ApiClient olga;
    private CockpitBrowser browser;

    /**
     * The base class's supervisor() is a 'sofia' of all departments; here sofia supervises Sales only. She is made
     * anew for each test and removed after it, so that supervisor() creates its own sofia again.
     */
    /** Without an administrator, the webapps show their first-run page (create one) instead of the login. */
    @BeforeEach
    void anAdministratorExists() {
        group(WorklaneGroups.ADMINS, "Administrators", Groups.GROUP_TYPE_SYSTEM);
        member("ada-cockpit", WorklaneGroups.ADMINS);
    }

    @BeforeEach
    void salesAndFinance() {
        department("sales", "Sales");
        department("finance", "Finance");
        removeSofia();
        jdbc.update("DELETE FROM queue_filter WHERE owner = 'sofia'");
        member("sofia", "supervisors", "sales");
        member("sam", "supervisors", "finance");
        olga = member("olga-cockpit", "supervisors", "all-departments");
        crm = sourceSystem("crm");
    }

    /** The test's browser, closed after the test (after a failure's screenshot). */
    private CockpitBrowser browser(String scenario) {
        browser = new CockpitBrowser(port, scenario);
        return browser;
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @AfterEach
    void removeSofia() {
        if (identityService.createUserQuery().userId("sofia").count() > 0) {
            identityService.deleteUser("sofia");
        }
    }

    @Test
    void sofiaFiltersTheQueueHoldsResumesAndReprioritizesAnItem() {
        String first = capture("LEAD-101", "Lead", "C-1", "Adams", "Gold");
        String second = capture("LEAD-102", "Lead", "C-2", "Baker", "Silver");
        capture("LEAD-103", "Lead", "C-3", "Clark", "Gold");
        String invoice = capture("INV-201", "Invoice", "C-9", "Finch", "Gold");
        awaitStates("QUEUED", first, second, invoice);

        {
            CockpitBrowser browser = browser("queue");
            browser.logIn("sofia");
            browser.click(By.cssSelector(".worklane-menu-worklane-queue"));
            browser.waitForText(By.cssSelector(".worklane-summary"), "3 item(s) match");
            assertThat(browser.texts(By.cssSelector(".worklane-queue-table tbody a.worklane-item-link")))
                .as("Sales items only").containsExactlyInAnyOrder("LEAD-101", "LEAD-102", "LEAD-103");
            browser.screenshot("sales-queue");

            browser.type(By.name("segment"), "Gold");
            browser.click(By.cssSelector(".worklane-search"));
            browser.waitForText(By.cssSelector(".worklane-summary"), "2 item(s) match");
            browser.type(By.name("q"), "Bak");
            browser.type(By.name("segment"), "");
            browser.click(By.cssSelector(".worklane-search"));
            browser.waitForText(By.cssSelector(".worklane-summary"), "1 item(s) match");
            assertThat(browser.textNow(By.cssSelector(".worklane-queue-table tbody tr"))).contains("LEAD-102")
                .contains("Baker").contains("Queued").contains("PRIMARY");
            browser.type(By.name("filterName"), "Baker's leads");
            browser.click(By.cssSelector(".worklane-save-filter"));
            browser.waitForText(By.cssSelector(".worklane-messages"), "Filter “Baker's leads” saved.");
            assertThat(count("SELECT COUNT(*) FROM queue_filter WHERE owner = 'sofia'")).isOne();
            browser.screenshot("filtered-by-surname-and-saved");

            // hold from the queue: the one selected row
            browser.click(By.cssSelector(".worklane-queue-table tbody input[type=checkbox]"));
            browser.choose(By.name("action"), "HOLD");
            browser.click(By.cssSelector(".worklane-apply-selected"));
            browser.waitForText(By.cssSelector(".worklane-messages"), "Hold: 1 of 1 item(s) changed.");
            assertThat(stateOf(second)).isEqualTo("HELD");

            // resume and reprioritize on the item's page
            browser.waitForText(By.cssSelector(".worklane-summary"), "No item matches this filter.");
            browser.open("#/worklane/item/" + second);
            browser.waitForText(By.cssSelector(".worklane-item .section-title"), "LEAD-102");
            browser.waitForText(By.cssSelector(".worklane-item-state"), "Held");
            assertThat(browser.textNow(By.cssSelector(".worklane-history"))).contains("Held").contains("sofia");
            browser.screenshot("item-held");
            browser.click(By.cssSelector(".worklane-resume"));
            await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(second)));
            browser.click(By.cssSelector(".worklane-refresh"));
            browser.waitForText(By.cssSelector(".worklane-item-state"), "Queued");
            browser.type(By.cssSelector(".worklane-priority-form input[name=priority]"), "2500");
            browser.click(By.cssSelector(".worklane-set-priority"));
            browser.waitForText(By.cssSelector(".worklane-messages"), "Set priority: done.");
            JsonNode item = olga.get("/api/work-items/" + second).body();
            assertThat(item.path("priority").asInt()).isEqualTo(2500);
            assertThat(item.path("priorityOverride").path("by").asText()).isEqualTo("sofia");
            browser.waitForText(By.cssSelector(".worklane-attributes"), "2,500");
            browser.screenshot("item-priority-2500");
        }
    }

    @Test
    void sofiaHoldsAFilterOf200ItemsWithPreviewAndProgress() throws Exception {
        List<String> ids = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> captured = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                String externalId = String.format("BULK-%03d", i);
                captured.add(clients.submit(() -> capture(externalId, "Lead", null, null, "Bronze")));
            }
            for (Future<String> id : captured) {
                ids.add(id.get());
            }
        }
        finally {
            clients.shutdown();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT COUNT(*) FROM work_item WHERE state = "
                + "'QUEUED' AND external_id LIKE 'BULK-%'") == 200);
        String alreadyHeld = ids.get(7);
        assertThat(crm.post("/api/work-items/" + alreadyHeld + "/hold", null).status()).isEqualTo(200);

        {
            CockpitBrowser browser = browser("bulk");
            browser.logIn("sofia");
            browser.open("#/worklane/queue");
            browser.waitForText(By.cssSelector(".worklane-summary"), "item(s) match");
            browser.click(By.cssSelector("input[name=state][value=HELD]"));
            browser.type(By.name("q"), "BULK-");
            browser.click(By.cssSelector(".worklane-search"));
            browser.waitForText(By.cssSelector(".worklane-summary"), "200 item(s) match. Showing 1–50 (page 1).");
            browser.click(By.cssSelector(".worklane-next-page"));
            browser.waitForText(By.cssSelector(".worklane-summary"), "Showing 51–100 (page 2).");
            browser.click(By.cssSelector(".worklane-first-page"));
            browser.waitForText(By.cssSelector(".worklane-summary"), "Showing 1–50 (page 1).");

            browser.choose(By.name("action"), "HOLD");
            browser.click(By.cssSelector(".worklane-apply-filter-bulk"));
            assertThat(browser.waitForText(By.cssSelector(".worklane-bulk-preview"), "Hold will hold 200 items"))
                .contains("of this filter");
            assertThat(count("SELECT COUNT(*) FROM bulk_operation")).as("nothing started before the confirmation")
                .isZero();
            browser.screenshot("bulk-preview-200");
            browser.click(By.cssSelector(".worklane-bulk-confirm"));
            browser.waitUntil(driver -> driver.findElements(By.cssSelector(".worklane-bulk-progress")).size() > 0);
            browser.screenshot("bulk-progress");
            browser.waitForText(By.cssSelector(".worklane-bulk-status"), "199 done, 1 failed of 200.",
                    Duration.ofSeconds(60));
            assertThat(browser.textNow(By.cssSelector(".worklane-bulk-failures"))).contains("it is HELD");
            assertThat(browser.waitFor(By.cssSelector(".worklane-bulk-failures a")).getAttribute("href"))
                .endsWith("#/worklane/item/" + alreadyHeld);
            browser.screenshot("bulk-finished-with-one-failure");
        }
        assertThat(count("SELECT COUNT(*) FROM work_item WHERE state = 'HELD' AND external_id LIKE 'BULK-%'"))
            .isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM bulk_operation WHERE requested_by = 'sofia' AND action = 'HOLD'"))
            .isOne();
        assertThat(count("SELECT COUNT(*) FROM work_item_event WHERE type = 'HELD' AND actor_id = 'sofia'"))
            .isEqualTo(199);
    }

    @Test
    void theItemPageSaysWhyItIsStillWaitingAndLinksTheInstance() {
        agentOf("bob-cockpit", Map.of("Sales Processing", 5), "sales");
        assertThat(as("bob-cockpit").put("/api/agents/bob-cockpit/presence", Map.of("state", "NOT_READY", "reason",
                "Lunch")).status()).isEqualTo(200);
        String lead = capture("LEAD-301", "Lead", "C-31", "Dunn", "Gold");
        awaitStates("QUEUED", lead);
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM work_item WHERE id = ?", String.class,
                lead);

        {
            CockpitBrowser browser = browser("waiting");
            browser.logIn("sofia");
            browser.open("#/worklane/queue");
            browser.click(By.cssSelector("a.worklane-item-link"));
            String summary = browser.waitForText(By.cssSelector(".worklane-summary-sentence"), "Sales Processing");
            assertThat(summary).contains("Nobody matching 'Sales Processing").contains("1 NOT_READY (Lunch)");
            assertThat(browser.textNow(By.cssSelector(".worklane-matching"))).contains("0 READY with a free slot")
                .contains("1 NOT_READY (Lunch: 1)");
            assertThat(browser.textNow(By.cssSelector(".worklane-waiting"))).contains("PRIMARY")
                .contains("Position in the queue 1");
            assertThat(browser.textNow(By.cssSelector(".worklane-instance-hidden")))
                .as("Cockpit lets a department's supervisor read no instances").contains(instance)
                .contains("not visible to you in Cockpit");
            assertThat(browser.textNow(By.cssSelector(".worklane-attributes"))).contains("Dunn").contains("C-31");
            browser.screenshot("why-still-waiting");

            // modify a few attributes (merge patch)
            browser.type(By.id("worklane-edit-description"), "call after five");
            browser.click(By.cssSelector(".worklane-save-item"));
            browser.waitForText(By.cssSelector(".worklane-messages"), "Saved: Description.");
            assertThat(jdbc.queryForObject("SELECT description FROM work_item WHERE id = ?", String.class, lead))
                .isEqualTo("call after five");

        }
        closeBrowser();
        {
            CockpitBrowser browser = browser("waiting-all-departments");
            browser.logIn("olga-cockpit");
            browser.open("#/worklane/item/" + lead);
            assertThat(browser.waitFor(By.cssSelector(".worklane-instance-link")).getAttribute("href"))
                .endsWith("#/process-instance/" + instance);
            browser.click(By.cssSelector(".worklane-instance-link"));
            browser.waitUntil(driver -> driver.getCurrentUrl().contains("#/process-instance/" + instance));
            browser.waitForText(By.cssSelector(".process-information"), instance);
            browser.screenshot("process-instance-in-cockpit");
        }
    }

    @Test
    void aParkedItemGoesBackToTheQueueFromItsPage() {
        agentOf("bob-cockpit", Map.of("Sales Processing", 5), "sales");
        ApiClient bob = as("bob-cockpit");
        String lead = capture("LEAD-501", "Lead", "C-51", "Gray", "Gold");
        awaitStates("QUEUED", lead);
        assertThat(bob.put("/api/agents/bob-cockpit/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        awaitStates("IN_PROGRESS", lead);
        assertThat(bob.post("/api/agents/bob-cockpit/items/" + lead + "/park", null).status()).isEqualTo(200);
        assertThat(bob.put("/api/agents/bob-cockpit/presence", Map.of("state", "NOT_READY", "reason", "Lunch"))
            .status()).isEqualTo(200);
        awaitStates("PARKED", lead);

        CockpitBrowser browser = browser("parked");
        browser.logIn("sofia");
        browser.open("#/worklane/item/" + lead);
        browser.waitForText(By.cssSelector(".worklane-item-state"), "Parked");
        assertThat(browser.textNow(By.cssSelector(".worklane-parked"))).contains("Parked with bob-cockpit");
        browser.screenshot("parked-item-actions");
        browser.click(By.cssSelector(".worklane-return"));
        browser.waitForText(By.cssSelector(".worklane-messages"), "Return to the queue: done.");
        awaitStates("QUEUED", lead);
        browser.click(By.cssSelector(".worklane-refresh"));
        browser.waitForText(By.cssSelector(".worklane-history"), "Returned to the queue");
        assertThat(browser.textNow(By.cssSelector(".worklane-item-state"))).isEqualTo("Queued");
        browser.screenshot("parked-item-returned");
    }

    @Test
    void sofiaSetsAnAgentNotReadyAndIsRefusedAnotherDepartmentsSkill() {
        agentOf("alice-cockpit", Map.of("Sales Processing", 9), "sales");
        agentOf("bob-cockpit", Map.of("Sales Processing", 5), "sales");
        agentOf("carol-cockpit", Map.of("Finance Processing", 8), "finance");
        assertThat(as("alice-cockpit").put("/api/agents/alice-cockpit/presence", Map.of("state", "READY")).status())
            .isEqualTo(200);

        {
            CockpitBrowser browser = browser("agents");
            browser.logIn("sofia");
            browser.click(By.cssSelector(".worklane-menu-worklane-agents"));
            browser.waitForText(By.cssSelector(".worklane-summary"), "2 agent(s).");
            assertThat(browser.textNow(By.cssSelector(".worklane-agents-table"))).contains("alice-cockpit")
                .contains("bob-cockpit").doesNotContain("carol-cockpit");
            By alice = By.cssSelector("tr[data-agent='alice-cockpit']");
            assertThat(browser.textNow(alice)).contains("Ready").contains("workitem 0 / 2")
                .contains("Sales Processing 9");
            String before = browser.textNow(By.cssSelector("tr[data-agent='alice-cockpit'] .worklane-since"));
            browser.waitUntil(driver -> !browser.textNow(By.cssSelector("tr[data-agent='alice-cockpit'] "
                    + ".worklane-since")).equals(before));
            browser.screenshot("agents-board");

            browser.choose(By.cssSelector("tr[data-agent='alice-cockpit'] select[name=presenceChoice]"),
                    "NOT_READY:Lunch");
            browser.click(By.cssSelector("tr[data-agent='alice-cockpit'] .worklane-set-presence"));
            browser.waitForText(By.cssSelector(".worklane-messages"), "is now Not ready (Lunch).");
            browser.waitForText(By.cssSelector("tr[data-agent='alice-cockpit'] .worklane-presence"), "Not ready Lunch");
            assertThat(jdbc.queryForMap("SELECT presence, presence_reason FROM agent WHERE id = 'alice-cockpit'"))
                .containsEntry("presence", "NOT_READY").containsEntry("presence_reason", "Lunch");
            browser.screenshot("alice-not-ready-lunch");

            // a skill of another department is refused in the server's words; capacity and answer mode are saved
            browser.click(By.cssSelector("tr[data-agent='bob-cockpit'] .worklane-edit-agent"));
            browser.click(By.cssSelector(".worklane-editor-row .worklane-add-skill"));
            List<org.openqa.selenium.WebElement> names = browser.driver().findElements(By.cssSelector(
                    ".worklane-editor-row input[name=skillName]"));
            names.get(names.size() - 1).sendKeys("Finance Processing");
            List<org.openqa.selenium.WebElement> levels = browser.driver().findElements(By.cssSelector(
                    ".worklane-editor-row input[name=skillValue]"));
            levels.get(levels.size() - 1).sendKeys("5");
            browser.click(By.cssSelector(".worklane-editor-row .worklane-save-agent"));
            assertThat(browser.waitForText(By.cssSelector(".worklane-refusal"), "Finance Processing"))
                .contains("routes items of Finance");
            browser.screenshot("skill-of-another-department-refused");
            assertThat(count("SELECT COUNT(*) FROM agent_skill WHERE agent_id = 'bob-cockpit'")).isOne();

            browser.driver().findElements(By.cssSelector(".worklane-editor-row .worklane-pairs-skill button"))
                .get(1).click();
            browser.type(By.cssSelector(".worklane-editor-row input[name=capacityValue]"), "3");
            browser.choose(By.cssSelector(".worklane-editor-row select[name=answerMode]"), "MANUAL");
            browser.click(By.cssSelector(".worklane-editor-row .worklane-save-agent"));
            browser.waitForText(By.cssSelector(".worklane-messages"), "Profile of bob-cockpit saved.");
            browser.waitForText(By.cssSelector("tr[data-agent='bob-cockpit']"), "workitem 0 / 3");
            assertThat(browser.textNow(By.cssSelector("tr[data-agent='bob-cockpit']"))).contains("MANUAL");
            JsonNode bob = olga.get("/api/agents/bob-cockpit").body();
            assertThat(bob.path("capacity").path("workitem").asInt()).isEqualTo(3);
            assertThat(bob.path("answerMode").asText()).isEqualTo("MANUAL");
            assertThat(bob.path("skills").has("Finance Processing")).isFalse();
        }
    }

    @Test
    void samOfFinanceSeesNoSalesItemOrAgent() {
        agentOf("alice-cockpit", Map.of("Sales Processing", 9), "sales");
        agentOf("carol-cockpit", Map.of("Finance Processing", 8), "finance");
        String lead = capture("LEAD-401", "Lead", "C-41", "Evans", "Gold");
        String invoice = capture("INV-402", "Invoice", "C-42", "Ford", "Gold");
        awaitStates("QUEUED", lead, invoice);

        {
            CockpitBrowser browser = browser("finance");
            browser.logIn("sam");
            browser.open("#/worklane/queue");
            browser.waitForText(By.cssSelector(".worklane-summary"), "1 item(s) match");
            assertThat(browser.texts(By.cssSelector(".worklane-queue-table tbody a.worklane-item-link")))
                .containsExactly("INV-402");
            browser.click(By.cssSelector("input[name=state][value=HELD]"));
            browser.click(By.cssSelector("input[name=state][value=COMPLETED]"));
            browser.click(By.cssSelector(".worklane-search"));
            browser.waitForText(By.cssSelector(".worklane-summary"), "1 item(s) match");
            assertThat(browser.textNow(By.cssSelector(".worklane-results"))).doesNotContain("LEAD-401");
            browser.screenshot("finance-queue");

            browser.open("#/worklane/agents");
            browser.waitForText(By.cssSelector(".worklane-summary"), "1 agent(s).");
            assertThat(browser.textNow(By.cssSelector(".worklane-agents-table"))).contains("carol-cockpit")
                .doesNotContain("alice-cockpit");
            browser.screenshot("finance-agents");

            browser.open("#/worklane/item/" + lead);
            assertThat(browser.waitForText(By.cssSelector(".worklane-messages .alert-danger"), "Work item"))
                .doesNotContain("LEAD-401");
            browser.screenshot("sales-item-not-shown");
        }
        assertThat(as("sam").get("/api/work-items/" + lead).status()).isIn(403, 404);
    }

    @Test
    void aProcessOwnersDeploymentShowsInRuleVersionsWithWhoAndWhen() throws java.io.IOException {
        var owner = member("pia-cockpit", "process-owners");
        String dmn = java.nio.file.Files.readString(java.nio.file.Path.of("decisions", "priority-schema.dmn"));
        var deployed = owner.deploy("steeper gold curve", Map.of("priority-schema.dmn",
                dmn.replace("</definitions>", "<!-- pia's change -->\n</definitions>")));
        assertThat(deployed.status()).as("%s", deployed).isEqualTo(200);

        CockpitBrowser browser = browser("rules");
        browser.logIn("pia-cockpit");
        browser.open("#/worklane/rules");
        String newest = browser.waitForText(By.cssSelector(
                "[data-decision='priority-schema'] .worklane-rule-versions tbody tr:first-child"), "pia-cockpit",
                java.time.Duration.ofSeconds(20));
        assertThat(newest).contains("in force").contains("steeper gold curve").contains("priority-schema.dmn");
        browser.screenshot("rule-versions");
    }

    private String capture(String externalId, String requestType, String customerId, String surname, String segment) {
        Map<String, Object> item = new HashMap<>();
        item.put("externalId", externalId);
        item.put("requestType", requestType);
        item.put("customerSegment", segment);
        if (customerId != null) {
            item.put("customerId", customerId);
            item.put("name", "Jo");
            item.put("surname", surname);
        }
        var response = crm.post("/api/work-items", item);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.text("id");
    }

    private void awaitStates(String state, String... ids) {
        for (String id : ids) {
            await().atMost(PATIENCE).until(() -> state.equals(stateOf(id)));
        }
    }

    private void agentOf(String id, Map<String, Integer> skills, String department) {
        member(id, "agents", department);
        var saved = olga.put("/api/agents/" + id, Map.of("displayName", id, "skills", skills, "capacity",
                Map.of("workitem", 2), "groups", List.of(department)));
        assertThat(saved.status()).as("%s", saved).isIn(200, 201);
    }
}
