package io.worklane.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes one fold makes to the facts, summed in memory per row before they are written: a batch of events
 * becomes a few rows to update. Every change goes to every grain.
 */
final class FactDeltas {

    record Key(Grain grain, Instant period, Dims dims, String agent) {
    }

    record DurationKey(Key fact, char measure, int bucket) {
    }

    record PresenceKey(Grain grain, Instant period, String agent, String state, String reason) {
    }

    static final class Row {
        final long[] counts = new long[Measure.values().length];
        Integer priorityMin;
        Integer priorityMax;
        BigDecimal valueCaptured = BigDecimal.ZERO;
        BigDecimal valueCompleted = BigDecimal.ZERO;
    }

    private final ZoneId zone;
    private final List<Grain> grains;
    private final Map<Key, Row> rows = new LinkedHashMap<>();
    private final Map<DurationKey, Long> durations = new LinkedHashMap<>();
    private final Map<PresenceKey, Long> presence = new LinkedHashMap<>();

    FactDeltas(ZoneId zone) {
        this(zone, Grain.values());
    }

    /** Changes to these grains only (a rebuild sums its days into months at the end: FactMonths). */
    FactDeltas(ZoneId zone, Grain... grains) {
        this.zone = zone;
        this.grains = List.of(grains);
    }

    /**
     * What concerns an agent is counted twice: for the item (agent '') with all its dims, and for the agent with the
     * department and process only. Agents times items' every segment and source would multiply the rows; the
     * resource reports split by department and process, the seeds' "each process, department and day".
     */
    void add(Instant at, Dims dims, String agent, Measure measure, long amount) {
        for (Key key : keysOf(at, dims, agent)) {
            rows.computeIfAbsent(key, k -> new Row()).counts[measure.ordinal()] += amount;
        }
    }

    /** The rows an event goes to, in every grain: the item's, and the agent's where it concerns one. */
    private List<Key> keysOf(Instant at, Dims dims, String agent) {
        List<Key> keys = new ArrayList<>(4);
        for (Grain grain : grains) {
            keys.add(key(grain, at, dims, ""));
            if (agent != null && !agent.isEmpty()) {
                keys.add(key(grain, at, dims.forAgents(), agent));
            }
        }
        return keys;
    }

    void priority(Instant at, Dims dims, Integer priority) {
        if (priority == null) {
            return;
        }
        for (Grain grain : grains) {
            Row row = row(grain, at, dims, "");
            row.priorityMin = row.priorityMin == null ? priority : Math.min(row.priorityMin, priority);
            row.priorityMax = row.priorityMax == null ? priority : Math.max(row.priorityMax, priority);
            row.counts[Measure.PRIORITY_SUM.ordinal()] += priority;
            row.counts[Measure.PRIORITY_COUNT.ordinal()]++;
        }
    }

    void value(Instant at, Dims dims, boolean completed, BigDecimal value) {
        if (value == null) {
            return;
        }
        for (Grain grain : grains) {
            Row row = row(grain, at, dims, "");
            if (completed) {
                row.valueCompleted = row.valueCompleted.add(value);
            }
            else {
                row.valueCaptured = row.valueCaptured.add(value);
            }
        }
    }

    /** A handle (H), accept (A) or finish (F) time: its sum, its count and its bucket. */
    void duration(Instant at, Dims dims, String agent, char measure, long seconds) {
        Measure sum = switch (measure) {
            case 'H' -> Measure.HANDLE_SECONDS;
            case 'A' -> Measure.ACCEPT_SECONDS;
            default -> Measure.FINISH_SECONDS;
        };
        long clamped = Math.max(0, seconds);
        add(at, dims, agent, sum, clamped);
        add(at, dims, agent, Measure.values()[sum.ordinal() + 1], 1);
        int bucket = DurationBuckets.bucketOf(clamped);
        for (Key key : keysOf(at, dims, agent)) {
            durations.merge(new DurationKey(key, measure, bucket), 1L, Long::sum);
        }
    }

    /** Time an agent spent in one state, cut at the period boundaries of each grain. */
    void presence(String agent, String state, String reason, Instant from, Instant to) {
        for (Grain grain : grains) {
            Instant start = grain.periodOf(from, zone);
            while (start.isBefore(to)) {
                Instant end = grain.next(start, zone);
                Instant spanFrom = from.isAfter(start) ? from : start;
                Instant spanTo = to.isBefore(end) ? to : end;
                long seconds = spanTo.getEpochSecond() - spanFrom.getEpochSecond();
                if (seconds > 0) {
                    presence.merge(new PresenceKey(grain, start, agent, state, reason == null ? "" : reason), seconds,
                            Long::sum);
                }
                start = end;
            }
        }
    }

    /** What dropped rows had added to the backlog, kept at the epoch (FactRetention). */
    void carry(Grain grain, Dims dims, long backlog, long since, long dayOld) {
        Row row = rows.computeIfAbsent(new Key(grain, Instant.EPOCH, dims, ""), key -> new Row());
        row.counts[Measure.BACKLOG_CHANGE.ordinal()] += backlog;
        row.counts[Measure.BACKLOG_SINCE_CHANGE.ordinal()] += since;
        row.counts[Measure.BACKLOG_DAY_OLD_CHANGE.ordinal()] += dayOld;
    }

    boolean isEmpty() {
        return rows.isEmpty() && durations.isEmpty() && presence.isEmpty();
    }

    Map<Key, Row> rows() {
        return rows;
    }

    Map<DurationKey, Long> durations() {
        return durations;
    }

    Map<PresenceKey, Long> presence() {
        return presence;
    }

    private Row row(Grain grain, Instant at, Dims dims, String agent) {
        return rows.computeIfAbsent(key(grain, at, dims, agent), key -> new Row());
    }

    private Key key(Grain grain, Instant at, Dims dims, String agent) {
        return new Key(grain, grain.periodOf(at, zone), dims, agent == null ? "" : agent);
    }
}
