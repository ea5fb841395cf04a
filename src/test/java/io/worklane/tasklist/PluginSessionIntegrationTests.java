package io.worklane.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.worklane.PostgresIntegrationTest;

/**
 * The plugins call {@code /api} with the webapps' session while Tasklist makes its own calls with it. A plugin's
 * call must leave the session as it is: were its id changed (Spring Security's session fixation protection), every
 * call of Tasklist's still under way with the old id would find no login, and the agent would be logged out.
 */
class PluginSessionIntegrationTests extends PostgresIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void aPluginsCallKeepsTheWebappSessionAndItsId() throws Exception {
        agent("pia", Map.of("Sales Processing", 5), 1);
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        send(browser, cookies, "GET", "/camunda/api/admin/auth/user/default", null);
        assertThat(send(browser, cookies, "POST", "/camunda/api/admin/auth/user/default/login/tasklist",
                "username=pia&password=pia").statusCode()).isEqualTo(200);
        send(browser, cookies, "GET", "/camunda/api/admin/auth/user/default", null);
        String session = cookie(cookies, "JSESSIONID");

        var plugin = send(browser, cookies, "GET", "/api/agents/pia", null);
        assertThat(plugin.statusCode()).isEqualTo(200);
        assertThat(plugin.headers().allValues("Set-Cookie")).as("no new session id").noneMatch(
                header -> header.startsWith("JSESSIONID="));
        assertThat(cookie(cookies, "JSESSIONID")).isEqualTo(session);
        assertThat(send(browser, cookies, "GET", "/camunda/api/admin/auth/user/default", null).statusCode())
            .as("Tasklist's own call with the session it has").isEqualTo(200);
    }

    private HttpResponse<String> send(HttpClient browser, CookieManager cookies, String method, String path,
            String form) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json")
            .method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        String token = cookie(cookies, "XSRF-TOKEN");
        if (token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(CookieManager cookies, String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
            .map(HttpCookie::getValue).findFirst().orElse(null);
    }
}
