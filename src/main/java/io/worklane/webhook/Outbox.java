package io.worklane.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.resilience4j.core.IntervalFunction;

/**
 * The outbox's states and their SQL (indexes in V17): claiming what is due, one message per item and subscription
 * at a time and only when nothing of the same item is still open before it, so each item's changes arrive in order;
 * noting how an attempt went under the claim's lease token, so a node that lost its lease changes nothing.
 */
@Component
class Outbox {

    /** A claimed message: who to send it to, and the logged change it tells. */
    record Claimed(long id, String leaseToken, long eventId) {
    }

    /** When a dead letter's later messages are due: once it is sent again. */
    private static final Instant HELD_BACK = Instant.parse("9999-12-31T00:00:00Z");

    private static final String DUE = """
            SELECT o.id FROM webhook_outbox o
             WHERE o.state = 'PENDING' AND o.next_attempt_at <= ?
               AND NOT EXISTS (SELECT 1 FROM webhook_outbox before
                                WHERE before.subscription_id = o.subscription_id
                                  AND before.work_item_id = o.work_item_id
                                  AND before.id < o.id AND before.state <> 'DELIVERED')
               AND EXISTS (SELECT 1 FROM webhook_subscription s WHERE s.id = o.subscription_id AND s.enabled = TRUE)
             ORDER BY o.next_attempt_at, o.id
             LIMIT ?
               FOR UPDATE SKIP LOCKED""";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transactions;
    private final WebhookProperties properties;
    private final Clock clock;
    private final IntervalFunction backOff;

    Outbox(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, TransactionTemplate transactions,
            WebhookProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.named = named;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.backOff = IntervalFunction.ofExponentialRandomBackoff(properties.firstRetryAfter(), 2.0, 0.2,
                properties.maxRetryInterval());
    }

    /** Claims up to a batch of due messages for this node: each is due again only when the lease runs out. */
    List<Claimed> claim() {
        Instant now = clock.instant();
        List<Claimed> claimed = transactions.execute(status -> {
            List<Long> ids = jdbc.queryForList(DUE, Long.class, Timestamp.from(now), properties.batchSize());
            if (ids.isEmpty()) {
                return List.of();
            }
            String token = UUID.randomUUID().toString();
            named.update("UPDATE webhook_outbox SET next_attempt_at = :leaseEnd, lease_token = :token WHERE id IN (:ids)",
                    new MapSqlParameterSource("leaseEnd", Timestamp.from(now.plus(properties.lease())))
                        .addValue("token", token)
                        .addValue("ids", ids));
            return named.query("SELECT id, event_id FROM webhook_outbox WHERE id IN (:ids) ORDER BY id",
                    new MapSqlParameterSource("ids", ids), (row, i) -> new Claimed(row.getLong(1), token, row.getLong(2)));
        });
        return claimed == null ? List.of() : claimed;
    }

    void delivered(Claimed message, int status) {
        Instant now = clock.instant();
        jdbc.update("""
                UPDATE webhook_outbox SET state = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?,
                       delivered_at = ?, last_status = ?, last_error = NULL, lease_token = NULL
                 WHERE id = ? AND lease_token = ? AND state = 'PENDING'""",
                Timestamp.from(now), Timestamp.from(now), status, message.id(), message.leaseToken());
    }

    /**
     * A failed attempt: due again after the back-off, or a dead letter once it failed too often. The item's later
     * messages are not due before it (a dead letter's: not before it is sent again), so that claims skip them.
     */
    void failed(Claimed message, Integer status, String error, boolean worthRetrying) {
        Instant now = clock.instant();
        String reason = error.length() > 500 ? error.substring(0, 500) : error;
        transactions.executeWithoutResult(transaction -> {
            // counted from the row as it is now, under its lock: not from what the claim read
            List<Integer> counted = jdbc.queryForList("""
                    SELECT attempts FROM webhook_outbox WHERE id = ? AND lease_token = ? AND state = 'PENDING'
                       FOR UPDATE""", Integer.class, message.id(), message.leaseToken());
            if (counted.isEmpty()) {
                return; // the lease ran out and another attempt took over
            }
            int attempts = counted.get(0) + 1;
            boolean dead = !worthRetrying || attempts >= properties.maxAttempts();
            Instant next = dead ? HELD_BACK : now.plus(Duration.ofMillis(backOff.apply(attempts)));
            jdbc.update("""
                    UPDATE webhook_outbox SET state = ?, attempts = ?, last_attempt_at = ?, next_attempt_at = ?,
                           dead_at = ?, last_status = ?, last_error = ?, lease_token = NULL
                     WHERE id = ?""",
                    dead ? "DEAD" : "PENDING", attempts, Timestamp.from(now), Timestamp.from(next),
                    dead ? Timestamp.from(now) : null, status, reason, message.id());
            holdBackLaterMessages(message.id(), next);
        });
    }

    /** A dead letter sent again from its first attempt on; the item's later messages follow it. @return whether it was one */
    boolean resend(long id) {
        Instant now = clock.instant();
        boolean resent = jdbc.update("""
                UPDATE webhook_outbox SET state = 'PENDING', attempts = 0, next_attempt_at = ?, dead_at = NULL
                 WHERE id = ? AND state = 'DEAD'""", Timestamp.from(now), id) == 1;
        if (resent) {
            jdbc.update("""
                    UPDATE webhook_outbox SET next_attempt_at = ?
                     WHERE state = 'PENDING' AND id > ? AND next_attempt_at > ?
                       AND subscription_id = (SELECT subscription_id FROM webhook_outbox WHERE id = ?)
                       AND work_item_id = (SELECT work_item_id FROM webhook_outbox WHERE id = ?)""",
                    Timestamp.from(now), id, Timestamp.from(now), id, id);
        }
        return resent;
    }

    private void holdBackLaterMessages(long id, Instant until) {
        jdbc.update("""
                UPDATE webhook_outbox SET next_attempt_at = ?
                 WHERE state = 'PENDING' AND id > ? AND next_attempt_at < ?
                   AND subscription_id = (SELECT subscription_id FROM webhook_outbox WHERE id = ?)
                   AND work_item_id = (SELECT work_item_id FROM webhook_outbox WHERE id = ?)""",
                Timestamp.from(until), id, Timestamp.from(until), id, id);
    }

    int dropDeliveredBefore(Instant before) {
        return jdbc.update("DELETE FROM webhook_outbox WHERE state = 'DELIVERED' AND delivered_at < ?",
                Timestamp.from(before));
    }
}
