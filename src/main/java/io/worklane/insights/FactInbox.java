package io.worklane.insights;

import org.springframework.beans.factory.annotation.Value;
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
    /**
     * {@code worklane.insights.keep-facts}: false keeps no facts (the event log stays; a rebuild makes them); the
     * benchmark switches it to measure what keeping them costs.
     */
    private volatile boolean keeping;

    FactInbox(JdbcTemplate jdbc, @Value("${worklane.insights.keep-facts:true}") boolean keeping) {
        this.jdbc = jdbc;
        this.keeping = keeping;
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
