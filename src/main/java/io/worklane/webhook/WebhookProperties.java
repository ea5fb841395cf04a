package io.worklane.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowedHosts the only hosts a subscription may name (as {@code worklane.context.allowed-hosts} for context
 *        sources); checked when a subscription is saved and again before each attempt
 * @param pollInterval how often each node looks for messages due
 * @param timeout per attempt: connecting and the whole answer
 * @param lease a claimed message is due again after this long if its node did not say how the attempt went (it died):
 *        longer than {@code timeout}
 * @param firstRetryAfter the wait after the first failed attempt; it doubles (randomized by a fifth) with each failure
 * @param maxRetryInterval the longest wait between two attempts
 * @param maxAttempts a message that failed this many times goes to the dead-letter list
 * @param batchSize messages claimed at once by a node (each of a different item and subscription)
 * @param senders messages one node sends at the same time
 * @param keepDelivered delivered messages are deleted after this long
 */
@ConfigurationProperties("worklane.webhooks")
record WebhookProperties(List<String> allowedHosts, Duration pollInterval, Duration timeout, Duration lease,
        Duration firstRetryAfter, Duration maxRetryInterval, Integer maxAttempts, Integer batchSize, Integer senders,
        Duration keepDelivered) {

    WebhookProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        lease = lease == null ? Duration.ofSeconds(60) : lease;
        firstRetryAfter = firstRetryAfter == null ? Duration.ofSeconds(5) : firstRetryAfter;
        maxRetryInterval = maxRetryInterval == null ? Duration.ofHours(1) : maxRetryInterval;
        maxAttempts = maxAttempts == null ? 12 : maxAttempts;
        batchSize = batchSize == null ? 100 : batchSize;
        senders = senders == null ? 8 : senders;
        keepDelivered = keepDelivered == null ? Duration.ofDays(7) : keepDelivered;
        if (lease.compareTo(timeout.multipliedBy(2)) < 0) {
            throw new IllegalStateException("worklane.webhooks.lease (" + lease + ") must be at least twice the timeout ("
                    + timeout + "): a message still being sent would be claimed again.");
        }
        if (maxAttempts < 1 || batchSize < 1 || senders < 1) {
            throw new IllegalStateException("worklane.webhooks: max-attempts, batch-size and senders are at least 1.");
        }
    }
}
