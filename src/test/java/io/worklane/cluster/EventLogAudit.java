package io.worklane.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replays the event log of one source system's items in the order it was written and finds what must never
 * happen: an item offered while another agent holds it, an agent holding more than its capacity, an item
 * completed twice. Event ids follow the order in which the transactions wrote them; an offer is decided on the
 * agent's row lock, so a release the router saw was written before the offer it allowed.
 */
final class EventLogAudit {

    record Event(long id, String item, String type, String actor, Instant at, String agent) {
    }

    /** Events that end an agent's hold on an item. */
    private static final Set<String> RELEASING = Set.of("DONE", "DECLINED", "RONA", "COMPLETED", "CANCELED", "HELD",
            "RECLASSIFIED", "RETURNED_TO_QUEUE", "TRANSFERRED");

    private final List<Event> events;
    private final List<String> violations = new ArrayList<>();
    private int maxHeldAtOnce;

    EventLogAudit(JdbcTemplate jdbc, String sourceSystem) {
        // OFFERED names its agent in the details; the releasing events are the holder's
        this.events = jdbc.query("""
                SELECT e.id, e.work_item_id, e.type, e.actor_type, e.occurred_at,
                       CASE WHEN e.type = 'OFFERED' THEN CAST(e.details AS json) ->> 'agent' END AS agent
                  FROM work_item_event e JOIN work_item w ON w.id = e.work_item_id
                 WHERE w.source_system = ?
                 ORDER BY e.id
                """, (row, n) -> new Event(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                row.getTimestamp(5).toInstant(), row.getString(6)), sourceSystem);
    }

    EventLogAudit replay(Map<String, Integer> capacityByAgent) {
        Map<String, String> holderOfItem = new HashMap<>();
        Map<String, Integer> heldByAgent = new HashMap<>();
        Map<String, Integer> completions = new HashMap<>();
        for (Event event : events) {
            if ("OFFERED".equals(event.type())) {
                String holder = holderOfItem.put(event.item(), event.agent());
                if (holder != null) {
                    violations.add("event " + event.id() + ": item " + event.item() + " offered to " + event.agent()
                            + " while " + holder + " holds it");
                }
                int held = heldByAgent.merge(event.agent(), 1, Integer::sum);
                maxHeldAtOnce = Math.max(maxHeldAtOnce, held);
                if (held > capacityByAgent.getOrDefault(event.agent(), 0)) {
                    violations.add("event " + event.id() + ": " + event.agent() + " holds " + held + " items");
                }
            }
            else if (RELEASING.contains(event.type())) {
                String holder = holderOfItem.remove(event.item());
                if (holder != null) {
                    heldByAgent.merge(holder, -1, Integer::sum);
                }
            }
            if ("COMPLETED".equals(event.type()) && completions.merge(event.item(), 1, Integer::sum) > 1) {
                violations.add("event " + event.id() + ": item " + event.item() + " completed again");
            }
        }
        return this;
    }

    List<String> violations() {
        return violations;
    }

    int maxHeldAtOnce() {
        return maxHeldAtOnce;
    }

    long count(String type) {
        return events.stream().filter(event -> event.type().equals(type)).count();
    }

    /** Events of this type written for this kind of actor ({@code AGENT}, {@code SYSTEM}, ...). */
    long count(String type, String actorType) {
        return events.stream().filter(event -> event.type().equals(type) && event.actor().equals(actorType)).count();
    }

    /** Events of this type that occurred at or after {@code from} and before {@code to}. */
    long countBetween(String type, Instant from, Instant to) {
        return events.stream()
            .filter(event -> event.type().equals(type) && !event.at().isBefore(from) && event.at().isBefore(to))
            .count();
    }
}
