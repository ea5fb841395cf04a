package io.worklane.insights;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

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
    private final Figures depth;
    private final Figures oldestWait;
    private final Figures overdue;
    private final Figures priorityMin;
    private final Figures priorityMax;
    private final Figures serviceLevel;
    private final Figures arrivals;
    private final Figures completions;
    private final Figures agents;

    LiveMetrics(LiveReports live, JdbcTemplate jdbc, MeterRegistry registry) {
        this.live = live;
        this.jdbc = jdbc;
        depth = new Figures(registry, "worklane.queue.depth", "Items queued now", null);
        oldestWait = new Figures(registry, "worklane.queue.oldest.wait", "Age of the oldest queued item", "seconds");
        overdue = new Figures(registry, "worklane.queue.overdue", "Open items past their due date", null);
        priorityMin = new Figures(registry, "worklane.queue.priority.min", "Lowest priority in the queue", null);
        priorityMax = new Figures(registry, "worklane.queue.priority.max", "Highest priority in the queue", null);
        serviceLevel = new Figures(registry, "worklane.service.level.today", "Today's completions within SLA", "ratio");
        arrivals = new Figures(registry, "worklane.arrivals.today", "Items new today", null);
        completions = new Figures(registry, "worklane.completed.today", "Items completed today", null);
        agents = new Figures(registry, "worklane.agents", "Agents per presence state and reason", null);
    }

    @Scheduled(fixedDelayString = "${worklane.insights.metrics-interval:PT5S}", initialDelayString = "PT5S")
    @SuppressWarnings("unchecked")
    synchronized void refresh() {
        List<Map<String, Object>> queues = (List<Map<String, Object>>) live.queue(null).get("rows");
        depth.update(byQueue(queues, "queuedNow"));
        oldestWait.update(byQueue(queues, "oldestWaitSeconds"));
        overdue.update(byQueue(queues, "overdueNow"));
        priorityMin.update(byQueue(queues, "priorityMin"));
        priorityMax.update(byQueue(queues, "priorityMax"));
        serviceLevel.update(byQueue(queues, "serviceLevelToday"));
        arrivals.update(byQueue(queues, "arrivalsToday"));
        completions.update(byQueue(queues, "completionsToday"));
        Map<Tags, Number> presence = new HashMap<>();
        jdbc.query("SELECT presence, COALESCE(presence_reason, ''), COUNT(*) FROM agent "
                + "GROUP BY presence, COALESCE(presence_reason, '')",
                row -> { presence.put(Tags.of("state", row.getString(1), "reason", row.getString(2)), row.getLong(3)); });
        agents.update(presence);
    }

    private static Map<Tags, Number> byQueue(List<Map<String, Object>> queues, String figure) {
        Map<Tags, Number> values = new HashMap<>();
        for (Map<String, Object> queue : queues) {
            if (queue.get(figure) instanceof Number value) {
                values.put(Tags.of("department", (String) queue.get("department"), "process",
                        (String) queue.get("process")), value);
            }
        }
        return values;
    }

    /**
     * One gauge per tag set, each reading a holder of its latest value. A refresh sets the values in place and only
     * adds or drops tag sets, so a scrape during a refresh never finds a gauge missing (registering rows anew
     * removes each gauge and adds it again).
     */
    static final class Figures {

        private final MultiGauge gauge;
        private final Map<Tags, AtomicReference<Double>> values = new ConcurrentHashMap<>();

        Figures(MeterRegistry registry, String name, String description, String unit) {
            gauge = MultiGauge.builder(name).description(description).baseUnit(unit).register(registry);
        }

        void update(Map<Tags, Number> now) {
            now.forEach((tags, value) -> values.computeIfAbsent(tags, t -> new AtomicReference<>())
                .set(value.doubleValue()));
            values.keySet().retainAll(now.keySet());
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            values.forEach((tags, holder) -> rows.add(MultiGauge.Row.of(tags, holder, AtomicReference::get)));
            gauge.register(rows, false);
        }
    }
}
