package io.worklane.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;
import io.worklane.routing.Router;

/** The webapps' session as a door to {@code /api}, and what leaving the webapps does to an agent's presence. */
class WebappSessionIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String READY = "{\"state\":\"READY\"}";

    @LocalServerPort
    private int port;

    @Autowired
    private ServletWebServerApplicationContext server;

    @Autowired
    private Router router;

    @Test
    void theWebappSessionOpensTheApiWithTheSameRulesAndChangesNeedItsCsrfToken() {
        agent("bob", Map.of("Sales Processing", 5), 1);
        agent("carol", Map.of("Finance Processing", 8), 1);
        WebappBrowser browser = new WebappBrowser(port);
        assertThat(browser.login("tasklist", "bob", "bob").status()).isEqualTo(200);

        var self = browser.get("/api/agents/bob");
        assertThat(self.status()).isEqualTo(200);
        assertThat(self.body().path("presence").path("state").asText()).isEqualTo("NOT_READY");

        var withoutToken = browser.put("/api/agents/bob/presence", READY, false);
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.contentType()).startsWith("application/problem+json");
        assertThat(withoutToken.body().path("type").asText()).isEqualTo("https://worklane.io/problems/csrf-token-required");
        assertThat(presenceOf("bob")).isEqualTo("NOT_READY");

        var ready = browser.put("/api/agents/bob/presence", READY, true);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body().path("presence").path("state").asText()).isEqualTo("READY");
        assertThat(count("SELECT COUNT(*) FROM agent_presence_change WHERE agent_id = 'bob' AND to_state = 'READY' "
                + "AND changed_by = 'bob'")).isOne();

        assertThat(browser.get("/api/agents/carol").status()).isEqualTo(403);
        assertThat(browser.put("/api/agents/carol/presence", READY, true).status()).isEqualTo(403);
        assertThat(presenceOf("carol")).isEqualTo("NOT_READY");
        assertThat(browser.get("/api/queue").status()).as("an agent is no supervisor").isEqualTo(403);
    }

    @Test
    void theApiNeverOpensASession() {
        agent("bob", Map.of("Sales Processing", 5), 1);
        WebappBrowser anonymous = new WebappBrowser(port);
        var refused = anonymous.get("/api/agents/bob");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.raw().headers().allValues("Set-Cookie")).isEmpty();
        assertThat(anonymous.put("/api/agents/bob/presence", READY, true).status()).isEqualTo(401);

        var basic = as("bob").get("/api/agents/bob");
        assertThat(basic.status()).isEqualTo(200);
        assertThat(basic.headers().get("Set-Cookie")).isNull();
    }

    @Test
    void loggingOutMakesTheAgentLoggedOutAndNothingIsOfferedUntilTheyAreReadyAgain() {
        ApiClient bob = agent("bob", Map.of("Sales Processing", 5), 1);
        WebappBrowser browser = new WebappBrowser(port);
        assertThat(browser.login("tasklist", "bob", "bob").status()).isEqualTo(200);
        assertThat(browser.put("/api/agents/bob/presence", READY, true).status()).isEqualTo(200);

        assertThat(browser.logout().status()).isEqualTo(200);
        assertThat(presenceOf("bob")).isEqualTo("LOGGED_OUT");
        assertThat(browser.get("/api/agents/bob").status()).isEqualTo(401);
        var plugin = browser.put("/api/agents/bob/presence", READY, true);
        assertThat(plugin.status()).as("a plugin's call after the session ended").isEqualTo(401);
        assertThat(plugin.raw().headers().allValues("WWW-Authenticate")).as("no Basic challenge: no password prompt")
            .isNotEmpty().noneMatch(challenge -> challenge.startsWith("Basic"));
        assertThat(presenceOf("bob")).isEqualTo("LOGGED_OUT");
        assertThat(supervisor().get("/api/agents/bob").body().path("presence").path("state").asText())
            .isEqualTo("LOGGED_OUT");
        assertThat(count("SELECT COUNT(*) FROM agent_presence_change WHERE agent_id = 'bob' AND from_state = 'READY' "
                + "AND to_state = 'LOGGED_OUT' AND changed_by = 'logout'")).isOne();

        var chosen = bob.put("/api/agents/bob/presence", Map.of("state", "LOGGED_OUT"));
        assertThat(chosen.status()).isEqualTo(400);
        assertThat(chosen.contentType()).startsWith("application/problem+json");

        String item = sourceSystem("crm").post("/api/work-items",
                Map.of("externalId", "LO-1", "requestType", "Lead", "customerSegment", "Gold")).text("id");
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(item)));
        router.sweep();
        assertThat(stateOf(item)).as("a LOGGED_OUT agent is offered nothing").isEqualTo("QUEUED");

        assertThat(bob.put("/api/agents/bob/presence", Map.of("state", "READY")).status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(stateOf(item)));
        assertThat(jdbc.queryForObject("SELECT assignee FROM work_item WHERE id = ?", String.class, item))
            .isEqualTo("bob");
    }

    @Test
    void anEndedSessionLogsTheAgentOutButLoggingInToAnotherAppDoesNot() throws IOException {
        agent("bob", Map.of("Sales Processing", 5), 1);
        WebappBrowser browser = new WebappBrowser(port);
        assertThat(browser.login("tasklist", "bob", "bob").status()).isEqualTo(200);
        assertThat(browser.put("/api/agents/bob/presence", READY, true).status()).isEqualTo(200);

        assertThat(browser.login("cockpit", "bob", "bob").status()).as("agents have no Cockpit").isIn(200, 403);
        assertThat(browser.login("tasklist", "bob", "bob").status()).isEqualTo(200);
        assertThat(presenceOf("bob")).as("a new login of the same user replaces the session").isEqualTo("READY");

        expire(browser.cookie("JSESSIONID"));
        assertThat(presenceOf("bob")).isEqualTo("LOGGED_OUT");
        assertThat(browser.get("/api/agents/bob").status()).isEqualTo(401);

        expire(browser.cookie("JSESSIONID"));
        assertThat(count("SELECT COUNT(*) FROM agent_presence_change WHERE agent_id = 'bob' AND to_state = 'LOGGED_OUT'"))
            .as("idempotent").isOne();
    }

    private void expire(String sessionId) throws IOException {
        var tomcat = ((TomcatWebServer) server.getWebServer()).getTomcat();
        for (var child : tomcat.getHost().findChildren()) {
            Session session = ((Context) child).getManager().findSession(sessionId);
            if (session != null) {
                session.expire();
            }
        }
    }

    private String presenceOf(String agentId) {
        return jdbc.queryForObject("SELECT presence FROM agent WHERE id = ?", String.class, agentId);
    }
}
