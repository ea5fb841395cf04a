package io.worklane.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A refresh of the live gauges sets their values in place: a scrape meanwhile never finds one missing. */
class LiveMetricsFiguresTests {

    private static final Tags SALES = Tags.of("department", "Sales", "process", "Leads");
    private static final Tags FINANCE = Tags.of("department", "Finance", "process", "Billing");

    @Test
    void aRefreshUpdatesTheSameGaugeAndDropsOnlyTheQueuesThatAreGone() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LiveMetrics.Figures depth = new LiveMetrics.Figures(registry, "worklane.queue.depth", "Items queued now", null);

        depth.update(Map.of(SALES, 3, FINANCE, 1));
        Gauge sales = registry.get("worklane.queue.depth").tags(SALES).gauge();
        assertThat(sales.value()).isEqualTo(3.0);

        depth.update(Map.of(SALES, 5L));
        assertThat(registry.get("worklane.queue.depth").tags(SALES).gauge()).as("the same meter, never removed")
            .isSameAs(sales);
        assertThat(sales.value()).isEqualTo(5.0);
        assertThat(registry.find("worklane.queue.depth").tags(FINANCE).gauge()).as("a queue that emptied").isNull();

        depth.update(Map.of(SALES, 5L, FINANCE, 2));
        assertThat(registry.get("worklane.queue.depth").tags(FINANCE).gauge().value()).isEqualTo(2.0);
    }
}
