package io.worklane.insights;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A day of work written straight into the event log and the presence history, as the application writes them,
 * so that the reports' answers can be computed by hand (ReportsIntegrationTests):
 * <ul>
 * <li>Ten Sales / Leads / Gold items from crm, worth 100 each: item i is captured, classified and queued at
 * 08:00 + i min with priority 10 + i, offered to alice at 09:00 + i min, accepted a minute later, done ten minutes
 * after that and completed five minutes after done. Items 0-6 are due at 18:00, items 7-9 at 09:00: three
 * completed overdue.</li>
 * <li>Before that, item 9 was offered to bob at 08:30 and declined at 08:31; item 8 offered to bob at 08:40 and
 * not answered (RONA) at 08:41; each was queued again at once.</li>
 * <li>Two more Sales / Leads / Gold items worth 50, captured, classified and queued at 10:00, still open.</li>
 * <li>alice: READY at 08:55, NOT_READY (Lunch) at 12:00, READY at 12:30, LOGGED_OUT at 17:00.</li>
 * </ul>
 */
public final class ScriptedDay {

    static final String SEGMENT = "Gold";

    private final JdbcTemplate jdbc;
    private final LocalDate day;
    private final String ids;

    public ScriptedDay(JdbcTemplate jdbc, LocalDate day) {
        this(jdbc, day, "day-");
    }

    /** @param ids what the items' ids start with: two days in one test need their own */
    public ScriptedDay(JdbcTemplate jdbc, LocalDate day, String ids) {
        this.jdbc = jdbc;
        this.day = day;
        this.ids = ids;
    }

    public Instant at(int hour, int minute) {
        return day.atTime(hour, 0).plusMinutes(minute).toInstant(ZoneOffset.UTC);
    }

    public void write() {
        agent("alice");
        agent("bob");
        writeItems();
        writePresence();
    }

    /** The day's items and their events, by alice and bob (write() creates them). */
    public void writeItems() {
        for (int i = 0; i < 10; i++) {
            String id = ids + i;
            Instant due = i < 7 ? at(18, 0) : at(9, 0);
            item(id, "COMPLETED", 10 + i, new BigDecimal("100"), due, at(8, i), at(9, i + 16));
            Instant captured = at(8, i);
            event(id, "CAPTURED", "CAPTURED", null, captured, null, null, null);
            event(id, "CLASSIFIED", "QUEUED", null, captured, 10 + i, due, "Sales");
            event(id, "QUEUED", "QUEUED", null, captured, 10 + i, due, "Sales");
            if (i == 9) {
                event(id, "OFFERED", "OFFERED", "bob", at(8, 30), 10 + i, due, "Sales");
                event(id, "DECLINED", "QUEUED", "bob", at(8, 31), 10 + i, due, "Sales");
                event(id, "QUEUED", "QUEUED", null, at(8, 31), 10 + i, due, "Sales");
            }
            if (i == 8) {
                event(id, "OFFERED", "OFFERED", "bob", at(8, 40), 10 + i, due, "Sales");
                event(id, "RONA", "QUEUED", "bob", at(8, 41), 10 + i, due, "Sales");
                event(id, "QUEUED", "QUEUED", null, at(8, 41), 10 + i, due, "Sales");
            }
            event(id, "OFFERED", "OFFERED", "alice", at(9, i), 10 + i, due, "Sales");
            event(id, "ACCEPTED", "IN_PROGRESS", "alice", at(9, i + 1), 10 + i, due, "Sales");
            event(id, "DONE", "AWAITING_CONFIRMATION", "alice", at(9, i + 11), 10 + i, due, "Sales");
            event(id, "COMPLETED", "COMPLETED", null, at(9, i + 16), 10 + i, due, "Sales");
        }
        for (int i = 10; i < 12; i++) {
            String id = ids + i;
            item(id, "QUEUED", 5, new BigDecimal("50"), at(20, 0), at(10, 0), null);
            event(id, "CAPTURED", "CAPTURED", null, at(10, 0), null, null, null);
            event(id, "CLASSIFIED", "QUEUED", null, at(10, 0), 5, at(20, 0), "Sales");
            event(id, "QUEUED", "QUEUED", null, at(10, 0), 5, at(20, 0), "Sales");
        }
    }

    /** alice's day. */
    private void writePresence() {
        presence("alice", null, null, "READY", null, at(8, 55));
        presence("alice", "READY", null, "NOT_READY", "Lunch", at(12, 0));
        presence("alice", "NOT_READY", "Lunch", "READY", null, at(12, 30));
        presence("alice", "READY", null, "LOGGED_OUT", null, at(17, 0));
    }

    private void agent(String id) {
        jdbc.update("INSERT INTO agent (id, display_name, presence, presence_since) VALUES (?, ?, 'LOGGED_OUT', ?)", id,
                id, Timestamp.from(at(17, 0)));
    }

    private void item(String id, String state, int priority, BigDecimal value, Instant due, Instant captured,
            Instant completed) {
        jdbc.update("""
                INSERT INTO work_item (id, source_system, external_id, state, department, process, customer_segment,
                                       media_type, priority, deal_value, due_at, captured_at, completed_at, updated_at)
                VALUES (?, 'crm', ?, ?, 'Sales', 'Leads', ?, 'workitem', ?, ?, ?, ?, ?, ?)""", id, "EXT-" + id, state,
                SEGMENT, priority, value, Timestamp.from(due), Timestamp.from(captured),
                completed == null ? null : Timestamp.from(completed), Timestamp.from(captured));
    }

    /** An event as WorkItemTransitions writes it, with its inbox row; before classification no department. */
    private void event(String item, String type, String state, String agent, Instant at, Integer priority, Instant due,
            String department) {
        BigDecimal value = item.equals(ids + 10) || item.equals(ids + 11) ? new BigDecimal("50") : new BigDecimal("100");
        Long id = jdbc.queryForObject("""
                INSERT INTO work_item_event (work_item_id, type, state, actor_type, agent_id, occurred_at, department,
                                             process, customer_segment, source_system, media_type, priority, deal_value,
                                             due_at)
                VALUES (?, ?, ?, 'SYSTEM', ?, ?, ?, ?, ?, 'crm', 'workitem', ?, ?, ?) RETURNING id""", Long.class, item,
                type, state, agent, Timestamp.from(at), department, department == null ? null : "Leads", SEGMENT, priority,
                value, due == null ? null : Timestamp.from(due));
        jdbc.update("INSERT INTO report_inbox (kind, ref_id) VALUES ('E', ?)", id);
    }

    private void presence(String agent, String from, String fromReason, String to, String toReason, Instant at) {
        Long id = jdbc.queryForObject("""
                INSERT INTO agent_presence_change (agent_id, from_state, from_reason, to_state, to_reason, changed_at,
                                                   changed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, agent, from, fromReason, to, toReason,
                Timestamp.from(at), agent);
        jdbc.update("INSERT INTO report_inbox (kind, ref_id) VALUES ('P', ?)", id);
    }
}
