package io.worklane.insights;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.worklane.agent.PresenceChanged;
import io.worklane.workitem.WorkItemEventRecorded;

/**
 * Notes each logged event and presence change in {@code report_inbox}, in the transaction that writes it: the
 * folder reads the inbox, so an event is folded once it is committed, whatever the order of commits.
 */
@Component
class FactInbox {

    private static final String NOTE = "INSERT INTO report_inbox (kind, ref_id) VALUES (?, ?)";

    private final JdbcTemplate jdbc;
    /** {@link InsightsProperties#keepFacts()}; the benchmark switches it to measure what keeping them costs. */
    private volatile boolean keeping;

    FactInbox(JdbcTemplate jdbc, InsightsProperties properties) {
        this.jdbc = jdbc;
        this.keeping = properties.keepFacts();
    }

    @EventListener
    void on(WorkItemEventRecorded event) {
        if (keeping) {
            jdbc.update(NOTE, "E", event.eventId());
        }
    }

    @EventListener
    void on(PresenceChanged change) {
        if (keeping) {
            jdbc.update(NOTE, "P", change.changeId());
        }
    }

    void keep(boolean facts) {
        keeping = facts;
    }
}
