package io.worklane.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One message of the outbox as supervisors and source systems see it (one flat JSON object).
 *
 * @param webhookId the {@code webhook-id} every attempt carries
 */
public record Delivery(long id, String webhookId, String eventType, @JsonUnwrapped Item item,
        @JsonUnwrapped Progress progress) {

    /** The item the message tells of, and where it goes. */
    public record Item(String workItemId, String externalId, String sourceSystem, String department,
            String subscriptionId, String url) {
    }

    /**
     * @param state PENDING, DELIVERED or DEAD (a dead letter)
     * @param waitingBehind the item's later messages to this subscription, held until this one is delivered
     */
    public record Progress(String state, int attempts, Integer lastStatus, String lastError, Instant createdAt,
            Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt, Instant deadAt, long waitingBehind) {
    }
}
