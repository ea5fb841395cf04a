package io.worklane.webhook;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.WorkItemEventRecorded;

/**
 * Puts each logged change in the outbox of every subscription of the item's source system that wants its type, in
 * the transaction that logs it: a change that commits is sent, one that rolls back never is.
 */
@Component
class OutboxWriter {

    // one statement whether or not anyone subscribed: the join is empty for a source system without subscriptions
    private static final String WRITE = """
            INSERT INTO webhook_outbox (subscription_id, event_id, work_item_id, state, attempts, next_attempt_at,
                                        created_at)
            SELECT s.id, e.id, e.work_item_id, 'PENDING', 0,
                   -- not due before the item's open messages: a claim need not look at it while they retry
                   COALESCE((SELECT MAX(before.next_attempt_at) FROM webhook_outbox before
                              WHERE before.subscription_id = s.id AND before.work_item_id = e.work_item_id
                                AND before.state <> 'DELIVERED' AND before.next_attempt_at > e.occurred_at),
                            e.occurred_at),
                   e.occurred_at
              FROM work_item_event e
              JOIN webhook_subscription s ON s.source_system = e.source_system AND s.enabled = TRUE
              JOIN webhook_subscription_type t ON t.subscription_id = s.id AND t.event_type = e.type
             WHERE e.id = ?""";

    private final JdbcTemplate jdbc;

    OutboxWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(WorkItemEventRecorded event) {
        jdbc.update(WRITE, event.eventId());
    }
}
