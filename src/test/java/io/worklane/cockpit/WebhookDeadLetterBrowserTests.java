package io.worklane.cockpit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/**
 * The Webhooks page in Cockpit, in a real browser, as sofia, a supervisor of all departments: a source system's
 * receiver kept answering 500, so two items' first messages are dead letters holding their later messages back; she
 * sees them, the receiver is fixed, one is sent again behind her back (her Resend is refused in the server's words),
 * she sends the other again, and every message arrives.
 */
@ExtendWith(CockpitBrowser.ScreenshotOnFailure.class)
class WebhookDeadLetterBrowserTests extends PostgresIntegrationTest {

    private static final By ROWS = By.cssSelector(".worklane-dead-letters tbody tr");

    @LocalServerPort
    private int port;

    private WireMockServer receiver;
    private CockpitBrowser browser;

    @BeforeEach
    void aReceiverThatFails() {
        receiver = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
        answer(500);
    }

    @AfterEach
    void closeBrowserAndReceiver() {
        try {
            if (browser != null) {
                browser.close();
            }
        }
        finally {
            receiver.stop();
        }
    }

    @Test
    void aSupervisorSeesADeadLetterAndSendsItAgain() {
        ApiClient crm = sourceSystem("crm-dl");
        var subscribed = crm.post("/api/source-systems/crm-dl/webhooks",
                Map.of("url", "http://127.0.0.1:" + receiver.port() + "/hooks"));
        assertThat(subscribed.status()).isEqualTo(201);
        String id = deadLetterOf(crm, "DL-1", 1);
        int held = count("SELECT COUNT(*) FROM webhook_outbox WHERE work_item_id = ? AND state = 'PENDING'", id);
        assertThat(held).as("the item's later messages wait behind it").isPositive();
        String other = deadLetterOf(crm, "DL-2", 2);

        ApiClient sofia = supervisor();
        browser = new CockpitBrowser(port, "webhook-dead-letters");
        browser.logIn("sofia");
        browser.click(By.cssSelector(".worklane-menu-worklane-webhooks"));
        browser.waitForText(row("DL-1"), "DL-1");
        browser.choose(By.cssSelector(".worklane-dl-toolbar select[name=sourceSystem]"), "crm-dl");
        browser.waitForText(By.cssSelector(".worklane-summary"), "2 dead letters of crm-dl");
        assertThat(browser.texts(ROWS)).hasSize(2);
        assertThat(browser.text(row("DL-1"))).contains("DL-1", "crm-dl", "workitem.", "HTTP 500",
                "127.0.0.1:" + receiver.port() + "/hooks");
        assertThat(browser.text(cell("DL-1", ".worklane-dl-attempts"))).isEqualTo("30");
        assertThat(browser.text(cell("DL-1", ".worklane-dl-waiting"))).isEqualTo(String.valueOf(held));
        assertThat(browser.driver().findElement(cell("DL-1", ".worklane-item-link")).getAttribute("href"))
            .endsWith("#/worklane/item/" + id);
        browser.screenshot("two-dead-letters");

        // DL-2 is sent again by someone else meanwhile: the page's Resend is refused in the server's words
        answer(204);
        long otherLetter = jdbc.queryForObject(
                "SELECT id FROM webhook_outbox WHERE work_item_id = ? AND state = 'DEAD'", Long.class, other);
        assertThat(sofia.post("/api/webhooks/dead-letters/" + otherLetter + "/resend", null).status()).isEqualTo(200);
        browser.click(cell("DL-2", ".worklane-resend"));
        browser.waitForText(By.cssSelector(".worklane-messages .alert-danger"), "not a dead letter");
        browser.waitUntil(page -> !browser.isShown(row("DL-2")));

        browser.click(cell("DL-1", ".worklane-resend"));
        browser.waitForText(By.cssSelector(".worklane-messages .alert-success"), "DL-1");
        browser.waitUntil(page -> !browser.isShown(ROWS));
        assertThat(browser.text(By.cssSelector(".worklane-empty"))).contains("No dead letters");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
            .until(() -> count("SELECT COUNT(*) FROM webhook_outbox WHERE state <> 'DELIVERED'") == 0);
        assertThat(count("SELECT COUNT(*) FROM webhook_outbox WHERE work_item_id = ?", id)).isGreaterThan(held);
        browser.screenshot("sent-again");
    }

    /** Captures the item and makes its first message a dead letter (the tests allow 30 attempts). */
    private String deadLetterOf(ApiClient source, String externalId, int deadLetters) {
        var captured = source.post("/api/work-items", Map.of("externalId", externalId, "requestType", "Lead",
                "customerSegment", "Gold"));
        assertThat(captured.status()).isEqualTo(201);
        String id = captured.text("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "QUEUED".equals(stateOf(id)));
        // the item's first message has failed all but its last allowed attempt
        jdbc.update("UPDATE webhook_outbox SET attempts = 29, next_attempt_at = CURRENT_TIMESTAMP WHERE id = "
                + "(SELECT MIN(id) FROM webhook_outbox WHERE work_item_id = ?)", id);
        await().atMost(Duration.ofSeconds(30))
            .until(() -> count("SELECT COUNT(*) FROM webhook_outbox WHERE state = 'DEAD'") == deadLetters);
        return id;
    }

    private static By row(String externalId) {
        return By.cssSelector(".worklane-dead-letters tbody tr[data-external-id='" + externalId + "']");
    }

    private static By cell(String externalId, String selector) {
        return By.cssSelector(".worklane-dead-letters tbody tr[data-external-id='" + externalId + "'] " + selector);
    }

    private void answer(int status) {
        receiver.resetMappings();
        receiver.stubFor(post(urlPathEqualTo("/hooks")).willReturn(aResponse().withStatus(status)));
    }
}
