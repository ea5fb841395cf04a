package io.worklane.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A source system's subscription as the API shows it: never its secret, which is shown once, when made or renewed.
 *
 * @param eventTypes the payload types it is sent, e.g. {@code workitem.queued}
 */
public record WebhookSubscription(String id, String sourceSystem, String url, List<String> eventTypes,
        boolean enabled, String description, Instant createdAt, String createdBy) {
}
