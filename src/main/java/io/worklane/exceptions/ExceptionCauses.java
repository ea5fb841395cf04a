package io.worklane.exceptions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The causes of exceptions as the tables show them now. Each query reads a small set through an index: overdue
 * queued items by work_item_due_idx, parked and rejected ones by state, RONA agents by presence, recent confirmation
 * time-outs by work_item_event_time_idx, items in progress whose handling timed out by state and their events
 * (work_item_event_item_idx), open incidents.
 */
@Repository
class ExceptionCauses {

    /** One cause: what it is about, and whose supervisors it concerns. */
    /** @param dueAt the item's due date where it matters (shown in the supervisor's time zone by the form) */
    record Cause(ExceptionKind kind, String subject, String department, String workItemId, String externalId,
            String agentId, String detail, Instant dueAt) {
    }

    private static final String OVERDUE = """
            SELECT id, external_id, department, due_at FROM work_item WHERE due_at < :now AND state = 'QUEUED'
            """;

    private static final String PARKED = """
            SELECT id, external_id, department, assignee, parked_at FROM work_item
             WHERE state = 'PARKED' AND parked_at < :parkedBefore
            """;

    private static final String REJECTED = """
            SELECT id, external_id, department, source_system, rejection_reason FROM work_item
             WHERE state = 'REJECTED' AND captured_at > :rejectedAfter
            """;

    private static final String CONFIRMATION_MISSING = """
            SELECT DISTINCT w.id, w.external_id, w.department, w.source_system FROM work_item_event e
              JOIN work_item w ON w.id = e.work_item_id
             WHERE e.occurred_at > :confirmationAfter AND e.type = 'CONFIRMATION_OVERDUE'
               AND w.state NOT IN ('COMPLETED', 'CANCELED', 'REJECTED')
            """;

    /** Still with the agent it timed out with: a new agent (transfer, pull) or state ends the cause. */
    private static final String HANDLING_TIMED_OUT = """
            SELECT w.id, w.external_id, w.department, w.assignee FROM work_item w
             WHERE w.state = 'IN_PROGRESS' AND EXISTS (SELECT 1 FROM work_item_event e
                    WHERE e.work_item_id = w.id AND e.type = 'HANDLING_TIMED_OUT' AND e.occurred_at >= w.assigned_at)
            """;

    private static final String RONA_AGENTS = """
            SELECT a.id FROM agent a WHERE a.presence = 'NOT_READY' AND a.presence_reason = 'RONA'
            """;

    private static final String LAST_ANSWERS = """
            SELECT type FROM work_item_event WHERE agent_id = :agentId AND type IN ('ACCEPTED', 'DECLINED', 'RONA')
             ORDER BY occurred_at DESC, id DESC LIMIT 2
            """;

    private static final String AGENT_DEPARTMENTS = """
            SELECT group_name FROM agent_group WHERE agent_id = :agentId ORDER BY group_name
            """;

    private static final String INCIDENTS = """
            SELECT w.id, w.external_id, w.department, MIN(i.incident_msg_) AS message
              FROM act_ru_incident i JOIN act_ru_execution e ON e.id_ = i.proc_inst_id_
              JOIN work_item w ON w.id = e.business_key_
             GROUP BY w.id, w.external_id, w.department
            """;

    private final NamedParameterJdbcTemplate jdbc;

    ExceptionCauses(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Cause> now(Instant now, ExceptionProperties properties) {
        MapSqlParameterSource at = new MapSqlParameterSource("now", Timestamp.from(now))
            .addValue("parkedBefore", Timestamp.from(now.minus(properties.parkedUntouchedAfter())))
            .addValue("rejectedAfter", Timestamp.from(now.minus(properties.rejectedWithin())))
            .addValue("confirmationAfter", Timestamp.from(now.minus(properties.confirmationWithin())));
        List<Cause> causes = new ArrayList<>();
        jdbc.query(OVERDUE, at, row -> {
            causes.add(new Cause(ExceptionKind.OVERDUE, row.getString("id"), row.getString("department"),
                    row.getString("id"), row.getString("external_id"), null,
                    "Past its due date and still waiting in the queue.", row.getTimestamp("due_at").toInstant()));
        });
        jdbc.query(PARKED, at, row -> {
            causes.add(new Cause(ExceptionKind.PARKED_UNTOUCHED, row.getString("id"), row.getString("department"),
                    row.getString("id"), row.getString("external_id"), row.getString("assignee"),
                    "In " + row.getString("assignee") + "'s workbin, untouched since it was parked.", null));
        });
        jdbc.query(REJECTED, at, row -> {
            causes.add(new Cause(ExceptionKind.REJECTED, row.getString("id"), row.getString("department"),
                    row.getString("id"), row.getString("external_id"), null, "Rejected at capture from "
                            + row.getString("source_system") + ": " + row.getString("rejection_reason"), null));
        });
        jdbc.query(CONFIRMATION_MISSING, at, row -> {
            causes.add(new Cause(ExceptionKind.CONFIRMATION_MISSING, row.getString("id"), row.getString("department"),
                    row.getString("id"), row.getString("external_id"), null, row.getString("source_system")
                            + " never confirmed the item as complete; it went back to the queue.", null));
        });
        jdbc.query(HANDLING_TIMED_OUT, at, row -> {
            causes.add(new Cause(ExceptionKind.HANDLING_TIMED_OUT, row.getString("id"), row.getString("department"),
                    row.getString("id"), row.getString("external_id"), row.getString("assignee"),
                    row.getString("assignee") + " has had it longer than its service level's handling time-out, "
                            + "neither marked done nor completed by the source.", null));
        });
        jdbc.query(INCIDENTS, at, row -> {
            causes.add(new Cause(ExceptionKind.CONTEXT_FAILING, row.getString("id"), row.getString("department"),
                    row.getString("id"), row.getString("external_id"), null, "A step keeps failing: "
                            + row.getString("message"), null));
        });
        for (String agent : jdbc.queryForList(RONA_AGENTS, at, String.class)) {
            List<String> answers = jdbc.queryForList(LAST_ANSWERS, new MapSqlParameterSource("agentId", agent),
                    String.class);
            if (answers.size() == 2 && answers.stream().allMatch("RONA"::equals)) {
                List<String> departments = jdbc.queryForList(AGENT_DEPARTMENTS, new MapSqlParameterSource("agentId",
                        agent), String.class);
                causes.add(new Cause(ExceptionKind.RONA_TWICE, agent, departments.isEmpty() ? null
                        : departments.get(0), null, null, agent, agent + " let two offers in a row run out and is "
                                + "NOT_READY (RONA).", null));
            }
        }
        return causes;
    }
}
