package io.worklane.insights;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * What each logged event adds to the facts: the one definition of every figure the reports show. An item's events
 * are replayed in order, so that each event is read with what came before it (when the item was captured, queued
 * last, taken by the agent); only the events {@code counted} says add to the facts. Folding live and rebuilding from
 * the log run this same code, which is why the two agree.
 * <ul>
 * <li>New: an item counts as new where it is first classified (its department and process), or where it is rejected
 * before that; so does the business value it brings.</li>
 * <li>Backlog: an item is in it from its capture until it ends (completed, canceled, rejected) and again after a
 * restart; it counts where its latest event places it, so a reclassified item moves.</li>
 * <li>Accept time: from the item's last queueing to the offer taken (accepted, or an automatic offer).</li>
 * <li>Handle time: from the offer the agent took (or the transfer or reassignment that gave them the item) to done,
 * as in the agent's day ({@code workitem.AgentActivity}).</li>
 * <li>Finish time: from capture to completion; completed within SLA when completed at or before the due date.</li>
 * </ul>
 */
final class FactRules {

    private static final Duration DAY = Duration.ofDays(1);

    private FactRules() {
    }

    /** @param timeline one item's events in the order they were written */
    static void replay(List<LoggedEvent> timeline, LongPredicate counted, FactDeltas out) {
        ItemSoFar item = new ItemSoFar();
        for (LoggedEvent event : timeline) {
            apply(event, item, counted.test(event.id()) ? out : null);
        }
    }

    private static final class ItemSoFar {
        Instant capturedAt;
        boolean arrived;
        Instant lastQueuedAt;
        final Map<String, Instant> takenBy = new HashMap<>();
        /** In the backlog since then, counted under these dims; null: not in it. */
        Instant backlogSince;
        Dims backlogDims;
    }

    private static void apply(LoggedEvent event, ItemSoFar item, FactDeltas out) {
        Instant at = event.at();
        Dims dims = event.dims();
        String agent = event.agentId();
        if (item.backlogSince != null && !dims.equals(item.backlogDims)) {
            Instant since = item.backlogSince;
            leaveBacklog(item, at, out);
            enterBacklog(item, dims, since, at, out);
        }
        switch (event.type()) {
            // a restarted item's SLA counts from the restart (WorkItem.restart): so does its time to finish
            case "CAPTURED", "RESTARTED" -> item.capturedAt = at;
            case "CLASSIFIED" -> arrived(event, item, out);
            case "REJECTED" -> {
                arrived(event, item, out);
                count(out, at, dims, "", Measure.REJECTED);
            }
            case "QUEUED" -> {
                item.lastQueuedAt = at;
                count(out, at, dims, "", Measure.QUEUED);
                priority(out, event);
            }
            case "REPRIORITIZED", "PRIORITY_OVERRIDDEN" -> priority(out, event);
            case "OFFERED" -> {
                count(out, at, dims, agent, Measure.OFFERED);
                priority(out, event);
                if ("IN_PROGRESS".equals(event.state())) {
                    taken(event, item, out);
                }
            }
            case "ACCEPTED" -> taken(event, item, out);
            // handed to another agent, who handles it from now (no offer of theirs was accepted)
            case "TRANSFERRED", "REASSIGNED" -> {
                if (agent != null && "IN_PROGRESS".equals(event.state())) {
                    item.takenBy.put(agent, at);
                }
            }
            case "DECLINED" -> count(out, at, dims, agent, Measure.DECLINED);
            case "RONA" -> count(out, at, dims, agent, Measure.RONA);
            case "DONE" -> {
                count(out, at, dims, agent, Measure.DONE);
                Instant takenAt = agent == null ? null : item.takenBy.get(agent);
                if (takenAt != null && out != null) {
                    out.duration(at, dims, agent, 'H', seconds(takenAt, at));
                }
            }
            case "COMPLETED" -> {
                count(out, at, dims, "", Measure.COMPLETED);
                boolean withinSla = event.dueAt() == null || !at.isAfter(event.dueAt());
                count(out, at, dims, "", withinSla ? Measure.COMPLETED_WITHIN_SLA : Measure.COMPLETED_OVERDUE);
                if (out != null) {
                    out.value(at, dims, true, event.dealValue());
                    if (item.capturedAt != null) {
                        out.duration(at, dims, "", 'F', seconds(item.capturedAt, at));
                    }
                }
            }
            case "CANCELED" -> count(out, at, dims, "", Measure.CANCELED);
            case "OVERDUE" -> count(out, at, dims, "", Measure.BECAME_OVERDUE);
            default -> {
                // the other events change no figure (their dims may have moved the backlog above)
            }
        }
        if (item.backlogSince != null && event.ends()) {
            leaveBacklog(item, at, out);
        }
        else if (item.backlogSince == null && item.capturedAt != null && !event.ends()) {
            enterBacklog(item, dims, at, at, out);
        }
    }

    /** New where it was first classified (its department and process), or where it was rejected before that. */
    private static void arrived(LoggedEvent event, ItemSoFar item, FactDeltas out) {
        if (item.arrived) {
            return;
        }
        item.arrived = true;
        count(out, event.at(), event.dims(), "", Measure.NEW_ITEMS);
        if (out != null) {
            out.value(event.at(), event.dims(), false, event.dealValue());
        }
    }

    private static void taken(LoggedEvent event, ItemSoFar item, FactDeltas out) {
        Instant at = event.at();
        count(out, at, event.dims(), event.agentId(), Measure.ACCEPTED);
        if (event.agentId() != null) {
            item.takenBy.put(event.agentId(), at);
        }
        if (item.lastQueuedAt != null && out != null) {
            out.duration(at, event.dims(), event.agentId(), 'A', seconds(item.lastQueuedAt, at));
        }
    }

    /** In the backlog since {@code since}, from {@code at}; a day old at since + 1 day or now, whichever is later. */
    private static void enterBacklog(ItemSoFar item, Dims dims, Instant since, Instant at, FactDeltas out) {
        item.backlogSince = since;
        item.backlogDims = dims;
        if (out != null) {
            out.add(at, dims, "", Measure.BACKLOG_CHANGE, 1);
            out.add(at, dims, "", Measure.BACKLOG_SINCE_CHANGE, since.getEpochSecond());
            Instant dayOld = since.plus(DAY);
            out.add(dayOld.isAfter(at) ? dayOld : at, dims, "", Measure.BACKLOG_DAY_OLD_CHANGE, 1);
        }
    }

    /** Out of the backlog at {@code at}: before it turned a day old, its coming of age is taken back. */
    private static void leaveBacklog(ItemSoFar item, Instant at, FactDeltas out) {
        Dims dims = item.backlogDims;
        Instant since = item.backlogSince;
        item.backlogSince = null;
        item.backlogDims = null;
        if (out != null) {
            out.add(at, dims, "", Measure.BACKLOG_CHANGE, -1);
            out.add(at, dims, "", Measure.BACKLOG_SINCE_CHANGE, -since.getEpochSecond());
            Instant dayOld = since.plus(DAY);
            out.add(dayOld.isAfter(at) ? dayOld : at, dims, "", Measure.BACKLOG_DAY_OLD_CHANGE, -1);
        }
    }

    private static void count(FactDeltas out, Instant at, Dims dims, String agent, Measure measure) {
        if (out != null) {
            out.add(at, dims, agent, measure, 1);
        }
    }

    private static void priority(FactDeltas out, LoggedEvent event) {
        if (out != null) {
            out.priority(event.at(), event.dims(), event.priority());
        }
    }

    private static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds();
    }
}
