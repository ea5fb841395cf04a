package io.worklane.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A browser's view of the webapps: a cookie jar (the session's {@code JSESSIONID}, Camunda's {@code XSRF-TOKEN}),
 * {@code Origin} and {@code Referer} as Tasklist's pages send them, and the CSRF token read from the cookie before
 * every request (Camunda hands out a new one after the login).
 */
final class WebappBrowser {

    record Reply(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    WebappBrowser(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /**
     * Opens the login page's session, then logs in to {@code app} with the form the page sends. The login replaces
     * the session; the webapp's next read gives the new one its CSRF token (a new {@code XSRF-TOKEN} cookie).
     */
    Reply login(String app, String user, String password) {
        send("GET", "/camunda/api/admin/auth/user/default", null, null, false);
        Reply login = send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
                "application/x-www-form-urlencoded", "username=" + user + "&password=" + password, true);
        send("GET", "/camunda/api/admin/auth/user/default", null, null, false);
        return login;
    }

    Reply logout() {
        return send("POST", "/camunda/api/admin/auth/user/default/logout", null, "", true);
    }

    Reply get(String path) {
        return send("GET", path, null, null, false);
    }

    /** A change as the plugins send it: JSON, with the CSRF token if asked for. */
    Reply put(String path, String json, boolean withCsrfToken) {
        return send("PUT", path, "application/json", json, withCsrfToken);
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
            .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private Reply send(String method, String path, String contentType, String body, boolean withCsrfToken) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "application/json, application/problem+json")
            .header("Origin", base)
            .header("Referer", base + "/camunda/app/tasklist/default/")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        String token = cookie("XSRF-TOKEN");
        if (withCsrfToken && token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() || !text.trim().startsWith("{") ? JSON.nullNode()
                    : JSON.readTree(text);
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), json,
                    response);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
