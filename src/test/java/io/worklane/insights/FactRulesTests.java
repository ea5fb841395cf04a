package io.worklane.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What single events add to the facts, on hand-made timelines. */
class FactRulesTests {

    private static final Instant NINE = Instant.parse("2026-11-02T09:00:00Z");
    private static final Dims SALES = new Dims("Sales", "Leads", "Gold", "crm", "workitem");
    private static final Dims FINANCE = new Dims("Finance", "Billing", "Gold", "crm", "workitem");

    private final List<LoggedEvent> timeline = new ArrayList<>();

    @Test
    void theAgentAnItemIsTransferredToHandlesItFromTheTransfer() {
        event("CAPTURED", "CAPTURED", null, 0, SALES);
        event("QUEUED", "QUEUED", null, 0, SALES);
        event("OFFERED", "IN_PROGRESS", "ann", 10, SALES);
        event("TRANSFERRED", "IN_PROGRESS", "ben", 20, SALES);
        event("DONE", "AWAITING_CONFIRMATION", "ben", 50, SALES);
        FactDeltas deltas = replay();
        assertThat(sum(deltas, "ben", Measure.HANDLE_SECONDS)).isEqualTo(30 * 60);
        assertThat(sum(deltas, "ann", Measure.HANDLE_COUNT)).isZero();
        assertThat(sum(deltas, "", Measure.HANDLE_COUNT)).as("the item's own rows count it once").isEqualTo(1);
    }

    @Test
    void aRestartedItemFinishesFromItsRestart() {
        event("CAPTURED", "CAPTURED", null, 0, SALES);
        event("CLASSIFIED", "QUEUED", null, 0, SALES);
        event("CANCELED", "CANCELED", null, 60, SALES);
        event("RESTARTED", "CAPTURED", null, 120, SALES);
        event("COMPLETED", "COMPLETED", null, 150, SALES);
        FactDeltas deltas = replay();
        assertThat(sum(deltas, "", Measure.FINISH_SECONDS)).isEqualTo(30 * 60);
        assertThat(sum(deltas, "", Measure.NEW_ITEMS)).as("new once").isEqualTo(1);
        assertThat(sum(deltas, "", Measure.BACKLOG_CHANGE)).as("in, out, in, out").isZero();
    }

    @Test
    void aReclassifiedItemMovesItsBacklogWithItsAge() {
        event("CAPTURED", "CAPTURED", null, 0, SALES);
        event("CLASSIFIED", "QUEUED", null, 0, SALES);
        event("RECLASSIFIED", "QUEUED", null, 60, FINANCE);
        FactDeltas deltas = replay();
        long salesBacklog = 0;
        long financeBacklog = 0;
        long financeSince = 0;
        for (var row : deltas.rows().entrySet()) {
            if (row.getKey().grain() == Grain.DAY) {
                long backlog = row.getValue().counts[Measure.BACKLOG_CHANGE.ordinal()];
                if (row.getKey().dims().equals(SALES)) {
                    salesBacklog += backlog;
                }
                if (row.getKey().dims().equals(FINANCE)) {
                    financeBacklog += backlog;
                    financeSince += row.getValue().counts[Measure.BACKLOG_SINCE_CHANGE.ordinal()];
                }
            }
        }
        assertThat(salesBacklog).isZero();
        assertThat(financeBacklog).isEqualTo(1);
        assertThat(financeSince).as("still open since capture").isEqualTo(NINE.getEpochSecond());
    }

    @Test
    void percentilesReadBackWithinAFifth() {
        java.util.SortedMap<Integer, Long> buckets = new java.util.TreeMap<>();
        for (long seconds = 1; seconds <= 1000; seconds++) {
            buckets.merge(DurationBuckets.bucketOf(seconds), 1L, Long::sum);
        }
        assertThat(DurationBuckets.percentile(buckets, 0.5)).isBetween(400L, 600L);
        assertThat(DurationBuckets.percentile(buckets, 0.9)).isBetween(720L, 1080L);
        assertThat(DurationBuckets.percentile(new java.util.TreeMap<>(), 0.5)).isNull();
    }

    private void event(String type, String state, String agent, int minutes, Dims dims) {
        timeline.add(new LoggedEvent(timeline.size() + 1, "item", type, state, agent, NINE.plusSeconds(minutes * 60L), dims,
                10, BigDecimal.TEN, NINE.plusSeconds(3600 * 8)));
    }

    private FactDeltas replay() {
        FactDeltas deltas = new FactDeltas(ZoneOffset.UTC);
        FactRules.replay(timeline, id -> true, deltas);
        return deltas;
    }

    private static long sum(FactDeltas deltas, String agent, Measure measure) {
        return deltas.rows().entrySet().stream()
            .filter(row -> row.getKey().grain() == Grain.DAY && row.getKey().agent().equals(agent))
            .mapToLong(row -> row.getValue().counts[measure.ordinal()]).sum();
    }
}
