package io.worklane.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The facts of one report row summed up: what its columns are computed from ({@link Column}). */
final class Figures {

    final long[] sums = new long[Measure.values().length];
    Integer priorityMin;
    Integer priorityMax;
    BigDecimal valueCaptured = BigDecimal.ZERO;
    BigDecimal valueCompleted = BigDecimal.ZERO;
    /** Handle (H), accept (A), finish (F) times: count per bucket. */
    final Map<Character, SortedMap<Integer, Long>> durations = new LinkedHashMap<>();
    /** Seconds per presence state, and NOT_READY per reason. */
    final Map<String, Long> presence = new LinkedHashMap<>();
    final Map<String, Long> notReady = new LinkedHashMap<>();
    /** The backlog's running sums at the row's end, and when that is (null: no backlog figures). */
    final EnumMap<Measure, Long> backlog = new EnumMap<>(Measure.class);
    Instant end;

    long sum(Measure measure) {
        return sums[measure.ordinal()];
    }

    void addRow(long[] values, Integer min, Integer max, BigDecimal captured, BigDecimal completed) {
        for (int i = 0; i < values.length; i++) {
            sums[i] += values[i];
        }
        if (min != null) {
            priorityMin = priorityMin == null ? min : Integer.valueOf(Math.min(priorityMin, min));
        }
        if (max != null) {
            priorityMax = priorityMax == null ? max : Integer.valueOf(Math.max(priorityMax, max));
        }
        valueCaptured = valueCaptured.add(captured == null ? BigDecimal.ZERO : captured);
        valueCompleted = valueCompleted.add(completed == null ? BigDecimal.ZERO : completed);
    }

    void addDuration(char measure, int bucket, long n) {
        durations.computeIfAbsent(measure, m -> new TreeMap<>()).merge(bucket, n, Long::sum);
    }

    void addPresence(String state, String reason, long seconds) {
        presence.merge(state, seconds, Long::sum);
        if ("NOT_READY".equals(state)) {
            notReady.merge(reason == null || reason.isEmpty() ? "(none)" : reason, seconds, Long::sum);
        }
    }

    void merge(Figures other) {
        addRow(other.sums, other.priorityMin, other.priorityMax, other.valueCaptured, other.valueCompleted);
        other.durations.forEach((measure, buckets) -> buckets.forEach((bucket, n) -> addDuration(measure, bucket, n)));
        other.presence.forEach((state, seconds) -> presence.merge(state, seconds, Long::sum));
        other.notReady.forEach((reason, seconds) -> notReady.merge(reason, seconds, Long::sum));
    }

    Long percentile(char measure, double fraction) {
        SortedMap<Integer, Long> buckets = durations.get(measure);
        return buckets == null ? null : DurationBuckets.percentile(buckets, fraction);
    }
}
