package io.worklane.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A source system's webhook endpoint: a WireMock server on a port of its own that can go down and come back on the
 * same port, keeping what it received before.
 */
public final class Receiver {

    /** One request as it arrived. */
    public record Received(String webhookId, String timestamp, String signature, String body, Instant at, int status) {
    }

    private final int port;
    private final java.util.List<Received> before = new java.util.ArrayList<>();
    private WireMockServer server;
    private int status = 204;
    private int delayMs;

    public Receiver() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    public Receiver up() {
        server = new WireMockServer(wireMockConfig().port(port).bindAddress("127.0.0.1"));
        server.start();
        answer(status);
        return this;
    }

    /** Every request is refused from now on: the connection is. */
    public void down() {
        // stopped first: a request answered while going down is in the journal read after
        server.stop();
        before.addAll(fromServer());
        server = null;
    }

    /** Answers each request after this long: a sender may die while it waits. */
    public void answerAfter(int status, int delayMs) {
        this.delayMs = delayMs;
        answer(status);
    }

    public void answer(int status) {
        this.status = status;
        if (server != null) {
            server.resetMappings();
            server.stubFor(post(urlPathEqualTo("/hooks")).willReturn(aResponse().withStatus(status)
                .withFixedDelay(delayMs)));
        }
    }

    /** Everything received, in the order it arrived. */
    public List<Received> received() {
        List<Received> all = new java.util.ArrayList<>(before);
        all.addAll(fromServer());
        all.sort(Comparator.comparing(Received::at));
        return all;
    }

    /** Only the requests answered 2xx, in the order they arrived. */
    public List<Received> accepted() {
        return received().stream().filter(received -> received.status() / 100 == 2).toList();
    }

    /** The specification's algorithm, written out: v1, base64 of HMAC-SHA256 over "id.timestamp.body". */
    public static String specificationSignature(String secret, Received message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] signed = mac.doFinal((message.webhookId() + "." + message.timestamp() + "." + message.body())
                .getBytes(StandardCharsets.UTF_8));
            return "v1," + java.util.Base64.getEncoder().encodeToString(signed);
        }
        catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private List<Received> fromServer() {
        if (server == null) {
            return List.of();
        }
        // the journal lists the newest first
        List<Received> oldestFirst = new java.util.ArrayList<>(
                server.getAllServeEvents().stream().map(Receiver::received).toList());
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private static Received received(ServeEvent event) {
        var request = event.getRequest();
        return new Received(request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
                request.getHeader("webhook-signature"), new String(request.getBody(), StandardCharsets.UTF_8),
                request.getLoggedDate().toInstant(), event.getResponse().getStatus());
    }
}
