package io.worklane.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;

import org.springframework.stereotype.Component;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * One attempt: POSTs the message signed as the Standard Webhooks specification says ({@code webhook-id},
 * {@code webhook-timestamp} of this attempt, {@code webhook-signature} {@code v1,<HMAC-SHA256>}), never following a
 * redirect, to an allowed host only.
 */
@Component
class WebhookSender {

    /** How an attempt went: delivered on a 2xx; otherwise worth retrying unless it never can succeed as configured. */
    record Outcome(boolean delivered, Integer status, String error, boolean worthRetrying) {

        static Outcome failure(Integer status, String error) {
            return new Outcome(false, status, error, true);
        }
    }

    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(WebhookProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
            .connectTimeout(properties.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    Outcome send(WebhookMessages.Message message) {
        URI url = URI.create(message.url());
        if (!properties.allowedHosts().contains(url.getHost())) {
            return new Outcome(false, null, "host " + url.getHost() + " is not in worklane.webhooks.allowed-hosts", false);
        }
        long timestamp = clock.instant().getEpochSecond();
        String signature;
        try {
            signature = new Webhook(message.secret()).sign(message.webhookId(), timestamp, message.payload());
        }
        catch (WebhookSigningException | EmptyWebhookSecretException | RuntimeException e) {
            return new Outcome(false, null, "cannot sign: " + e.getMessage(), false);
        }
        HttpRequest request = HttpRequest.newBuilder(url)
            .timeout(properties.timeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "Worklane-Webhooks")
            .header("webhook-id", message.webhookId())
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(message.payload()))
            .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? new Outcome(true, status, null, false)
                    : Outcome.failure(status, "answered " + status);
        }
        catch (HttpTimeoutException e) {
            return Outcome.failure(null, "no answer within " + properties.timeout().toMillis() + " ms");
        }
        catch (IOException e) {
            return Outcome.failure(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failure(null, "interrupted while sending");
        }
    }
}
