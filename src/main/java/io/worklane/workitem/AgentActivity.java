package io.worklane.workitem;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an agent did with work items in a time span, from the event log: one walk of
 * {@code work_item_event_agent_idx} (db/migration V9) for the span, and per item marked done one look at its
 * own events for when its handling began.
 */
@Service
@Transactional(readOnly = true)
public class AgentActivity {

    /**
     * @param handled items marked done
     * @param averageHandleSeconds from the offer that was taken (accepted, or an automatic offer), or the transfer or
     *            reassignment that gave the agent the item, to done; null if none
     * @param accepted offers taken (accepted, or automatic)
     */
    public record Summary(long handled, Long averageHandleSeconds, long accepted, long declined, long noAnswer) {
    }

    private static final String COUNTS = """
            SELECT COALESCE(SUM(CASE WHEN type = 'DONE' THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN type = 'ACCEPTED' OR (type = 'OFFERED' AND state = 'IN_PROGRESS') THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN type = 'DECLINED' THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN type = 'RONA' THEN 1 ELSE 0 END), 0)
              FROM work_item_event
             WHERE agent_id = ? AND occurred_at >= ? AND occurred_at < ?
               AND type IN ('DONE', 'ACCEPTED', 'OFFERED', 'DECLINED', 'RONA')""";

    /** Each item marked done in the span, with the last time it was taken by the same agent before. */
    private static final String HANDLING = """
            SELECT d.occurred_at,
                   (SELECT MAX(s.occurred_at) FROM work_item_event s
                     WHERE s.work_item_id = d.work_item_id AND s.agent_id = d.agent_id AND s.occurred_at <= d.occurred_at
                       AND (s.type = 'ACCEPTED'
                            OR (s.type IN ('OFFERED', 'TRANSFERRED', 'REASSIGNED') AND s.state = 'IN_PROGRESS')))
              FROM work_item_event d
             WHERE d.agent_id = ? AND d.type = 'DONE' AND d.occurred_at >= ? AND d.occurred_at < ?""";

    private final JdbcTemplate jdbc;

    AgentActivity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Summary of(String agentId, Instant from, Instant to) {
        Object[] span = { agentId, Timestamp.from(from), Timestamp.from(to) };
        long[] counts = jdbc.queryForObject(COUNTS, (row, i) -> new long[] { row.getLong(1), row.getLong(2),
                row.getLong(3), row.getLong(4) }, span);
        long total = 0;
        long timed = 0;
        for (var times : jdbc.query(HANDLING, (row, i) -> new Timestamp[] { row.getTimestamp(1), row.getTimestamp(2) },
                span)) {
            if (times[1] != null) {
                total += Duration.between(times[1].toInstant(), times[0].toInstant()).toSeconds();
                timed++;
            }
        }
        return new Summary(counts[0], timed == 0 ? null : Math.round((double) total / timed), counts[1], counts[2],
                counts[3]);
    }
}
