package io.worklane.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a load balancer in front of the nodes gives a client: a call goes to the caller's preferred node, and
 * to the next one while that is down. A call whose answer was lost may have taken effect; every call the test
 * makes is safe to repeat (a capture with the same external id, an answer or mark done already given is 409).
 */
final class ClusterClient {

    record Response(int status, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

    private final List<AppNode> nodes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Source systems call with their API token; everyone else with Basic. */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** Changes sent again after the connection broke: the first may have taken effect, its answer lost. */
    private final AtomicInteger repeatedChanges = new AtomicInteger();

    ClusterClient(List<AppNode> nodes) {
        this.nodes = nodes;
    }

    /** From now on this user calls with this API token (a source system: its password is refused). */
    void useToken(String user, String token) {
        tokens.put(user, token);
    }

    Response get(int preferredNode, String user, String path) {
        return send(preferredNode, user, "GET", path, null, "application/json");
    }

    Response post(int preferredNode, String user, String path, Object body) {
        return send(preferredNode, user, "POST", path, body, "application/json");
    }

    Response put(int preferredNode, String user, String path, Object body) {
        return send(preferredNode, user, "PUT", path, body, "application/json");
    }

    /** A raw body with its own content type (a multipart deployment). */
    Response post(int preferredNode, String user, String path, String body, String contentType) {
        return send(preferredNode, user, "POST", path, body, contentType);
    }

    int repeatedChanges() {
        return repeatedChanges.get();
    }

    private Response send(int preferredNode, String user, String method, String path, Object body, String contentType) {
        String payload = body == null ? null : body instanceof String text ? text : write(body);
        Instant deadline = Instant.now().plus(GIVE_UP_AFTER);
        IOException last = null;
        for (int attempt = 0; Instant.now().isBefore(deadline); attempt++) {
            AppNode node = nodes.get(Math.floorMod(preferredNode + attempt, nodes.size()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization(user))
                .header("Accept", "application/json")
                .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
            if (payload != null) {
                request.header("Content-Type", contentType);
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                String text = response.body();
                return new Response(response.statusCode(), text == null || text.isBlank() ? JSON.nullNode()
                        : JSON.readTree(text));
            }
            catch (IOException down) {
                last = down;
                if (!"GET".equals(method)) {
                    repeatedChanges.incrementAndGet();
                }
                if (attempt % nodes.size() == nodes.size() - 1) {
                    pause(Duration.ofMillis(500));
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted calling " + path, e);
            }
        }
        throw new IllegalStateException("No node answered " + method + " " + path, last);
    }

    private String authorization(String user) {
        String token = tokens.get(user);
        if (token != null) {
            return "Bearer " + token;
        }
        // the test's people have their id as password
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        }
        catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static void pause(Duration duration) {
        if (duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
