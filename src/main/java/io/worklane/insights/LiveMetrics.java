package io.worklane.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * The wallboard's live figures as gauges for Prometheus ({@code /actuator/prometheus}), read again every
 * {@code worklane.insights.metrics-interval} from the shared database: every node shows the same cluster-wide values
 * (a dashboard takes their max, not their sum).
 */
@Component
class LiveMetrics {

    private final LiveReports live;
    private final JdbcTemplate jdbc;
    private final MultiGauge depth;
    private final MultiGauge oldestWait;
    private final MultiGauge overdue;
    private final MultiGauge priorityMin;
    private final MultiGauge priorityMax;
    private final MultiGauge serviceLevel;
    private final MultiGauge arrivals;
    private final MultiGauge completions;
    private final MultiGauge agents;

    LiveMetrics(LiveReports live, JdbcTemplate jdbc, MeterRegistry registry) {
        this.live = live;
        this.jdbc = jdbc;
        depth = gauge(registry, "worklane.queue.depth", "Items queued now", null);
        oldestWait = gauge(registry, "worklane.queue.oldest.wait", "Age of the oldest queued item", "seconds");
        overdue = gauge(registry, "worklane.queue.overdue", "Open items past their due date", null);
        priorityMin = gauge(registry, "worklane.queue.priority.min", "Lowest priority in the queue", null);
        priorityMax = gauge(registry, "worklane.queue.priority.max", "Highest priority in the queue", null);
        serviceLevel = gauge(registry, "worklane.service.level.today", "Today's completions within SLA", "ratio");
        arrivals = gauge(registry, "worklane.arrivals.today", "Items new today", null);
        completions = gauge(registry, "worklane.completed.today", "Items completed today", null);
        agents = gauge(registry, "worklane.agents", "Agents per presence state and reason", null);
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String description, String unit) {
        return MultiGauge.builder(name).description(description).baseUnit(unit).register(registry);
    }

    @Scheduled(fixedDelayString = "${worklane.insights.metrics-interval:PT5S}", initialDelayString = "PT5S")
    @SuppressWarnings("unchecked")
    void refresh() {
        List<Map<String, Object>> queues = (List<Map<String, Object>>) live.queue(null).get("rows");
        depth.register(rows(queues, "queuedNow"), true);
        oldestWait.register(rows(queues, "oldestWaitSeconds"), true);
        overdue.register(rows(queues, "overdueNow"), true);
        priorityMin.register(rows(queues, "priorityMin"), true);
        priorityMax.register(rows(queues, "priorityMax"), true);
        serviceLevel.register(rows(queues, "serviceLevelToday"), true);
        arrivals.register(rows(queues, "arrivalsToday"), true);
        completions.register(rows(queues, "completionsToday"), true);
        agents.register(jdbc.query("SELECT presence, COALESCE(presence_reason, ''), COUNT(*) FROM agent "
                + "GROUP BY presence, COALESCE(presence_reason, '')", (row, i) -> MultiGauge.Row.of(
                        Tags.of("state", row.getString(1), "reason", row.getString(2)), row.getLong(3))), true);
    }

    private static List<MultiGauge.Row<?>> rows(List<Map<String, Object>> queues, String figure) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Map<String, Object> queue : queues) {
            if (queue.get(figure) instanceof Number value) {
                rows.add(MultiGauge.Row.of(Tags.of("department", (String) queue.get("department"), "process",
                        (String) queue.get("process")), value));
            }
        }
        return rows;
    }
}
