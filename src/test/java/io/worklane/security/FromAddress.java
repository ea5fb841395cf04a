package io.worklane.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request from a chosen loopback address (127.0.0.2, 127.0.0.3, ...), so that a test can be another
 * client than the one at 127.0.0.1 (the JDK's HTTP clients cannot choose their local address).
 */
final class FromAddress {

    record Reply(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
            return values.isEmpty() ? null : values.get(0);
        }

        /** {@code name=value} of each cookie set, without its attributes. */
        List<String> cookies() {
            return headers.getOrDefault("set-cookie", List.of()).stream().map(cookie -> cookie.split(";")[0]).toList();
        }
    }

    private final String localAddress;
    private final int port;

    FromAddress(String localAddress, int port) {
        this.localAddress = localAddress;
        this.port = port;
    }

    Reply get(String path, String authorization) {
        return send("GET", path, authorization, null, null, Map.of());
    }

    Reply post(String path, String authorization, String contentType, String body) {
        return send("POST", path, authorization, contentType, body, Map.of());
    }

    /**
     * The webapps' login as their login page sends it: a first request gets the session and its CSRF token
     * (cookie {@code XSRF-TOKEN}), the login POST returns both.
     */
    Reply webappLogin(String app, String user, String password) {
        Reply page = get("/camunda/api/admin/auth/user/default", null);
        String cookies = String.join("; ", page.cookies());
        String csrf = page.cookies().stream().filter(cookie -> cookie.startsWith("XSRF-TOKEN=")).findFirst()
            .map(cookie -> cookie.substring("XSRF-TOKEN=".length())).orElse("");
        return send("POST", "/camunda/api/admin/auth/user/default/login/" + app, null,
                "application/x-www-form-urlencoded", "username=" + user + "&password=" + password,
                Map.of("Cookie", cookies, "X-XSRF-TOKEN", csrf));
    }

    private Reply send(String method, String path, String authorization, String contentType, String body,
            Map<String, String> extraHeaders) {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nConnection: close\r\nAccept: application/json, application/problem+json\r\n");
        if (authorization != null) {
            request.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (contentType != null) {
            request.append("Content-Type: ").append(contentType).append("\r\n");
        }
        extraHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(payload);
            socket.getOutputStream().flush();
            return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Status, headers and the raw body (chunk sizes included: tests only look for words in it). */
    private static Reply parse(String response) {
        int end = response.indexOf("\r\n\r\n");
        String[] lines = response.substring(0, end).split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                .add(lines[i].substring(colon + 1).trim());
        }
        return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, response.substring(end + 4));
    }
}
