package io.worklane.insights;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a historical report over the facts: one row per period and group, the figures its columns compute, its KPI
 * targets against them, the totals over the range and the series its chart draws.
 */
@Service
@Transactional(readOnly = true)
class HistoricalReports {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter INTERVAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FactQueries facts;
    private final KpiTargets kpis;
    private final InsightsProperties properties;
    private final Clock clock;

    HistoricalReports(FactQueries facts, KpiTargets kpis, InsightsProperties properties, Clock clock) {
        this.facts = facts;
        this.kpis = kpis;
        this.properties = properties;
        this.clock = clock;
    }

    Map<String, Object> run(ReportQuery query) {
        Instant now = clock.instant();
        Report report = query.report();
        Map<FactQueries.RowKey, Figures> rows = new TreeMap<>(Comparator
            .comparing((FactQueries.RowKey key) -> key.period() == null ? Instant.EPOCH : key.period())
            .thenComparing(key -> String.join("\u0000", key.values())));
        rows.putAll(facts.figures(query, now));
        if (report.columns().stream().anyMatch(c -> c.key().startsWith("backlog"))) {
            carryBacklog(query, rows, now);
        }
        KpiTargets.Lookup targets = kpis.latest();
        List<Map<String, Object>> out = new ArrayList<>();
        Figures totals = new Figures();
        rows.forEach((key, figures) -> {
            Map<String, Object> row = row(query, key, figures, targets);
            // an item's backlog moving out of "not classified yet" leaves a group with nothing to show
            if (report.columns().stream().anyMatch(column -> shows(row.get(column.key())))) {
                out.add(row);
            }
            totals.merge(figures);
        });
        totalBacklog(rows, totals, query, now);
        Map<String, Object> total = values(report, totals);
        total.put("kpis", judge(targets, report, total, query.filters().get(Dimension.DEPARTMENT),
                query.filters().get(Dimension.PROCESS), query.filters().get(Dimension.SEGMENT)));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rows", out);
        result.put("totals", total);
        result.put("chart", chart(query, rows));
        return result;
    }

    private Map<String, Object> row(ReportQuery query, FactQueries.RowKey key, Figures figures, KpiTargets.Lookup targets) {
        Report report = query.report();
        Map<String, Object> row = new LinkedHashMap<>();
        if (key.period() != null) {
            row.put("period", key.period().toString());
        }
        for (int i = 0; i < report.dimensions().size(); i++) {
            row.put(report.dimensions().get(i).key(), key.values().get(i));
        }
        row.putAll(values(report, figures));
        row.put("kpis", judge(targets, report, row, dimension(query, key, Dimension.DEPARTMENT),
                dimension(query, key, Dimension.PROCESS), dimension(query, key, Dimension.SEGMENT)));
        return row;
    }

    private static boolean shows(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue() != 0;
        }
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        return value != null;
    }

    /** The row's value of a dimension: its group's, else the filter's, else none. */
    private static String dimension(ReportQuery query, FactQueries.RowKey key, Dimension dimension) {
        int at = query.report().dimensions().indexOf(dimension);
        return at >= 0 ? key.values().get(at) : query.filters().get(dimension);
    }

    private List<KpiTargets.Outcome> judge(KpiTargets.Lookup targets, Report report, Map<String, Object> values,
            String department, String process, String segment) {
        Map<String, String> units = new HashMap<>();
        report.columns().forEach(column -> units.put(column.key(), column.unit()));
        return kpis.judge(targets.targetsFor(department, process, segment), values, units);
    }

    private static Map<String, Object> values(Report report, Figures figures) {
        Map<String, Object> values = new LinkedHashMap<>();
        report.columns().forEach(column -> values.put(column.key(), column.valueOf(figures)));
        return values;
    }

    /**
     * Each row's backlog at its end: what was carried in before the range plus the changes up to the row. A group
     * with a backlog and no change in the range still has one, shown at the range's start.
     */
    private void carryBacklog(ReportQuery query, Map<FactQueries.RowKey, Figures> rows, Instant now) {
        Map<List<String>, long[]> running = facts.backlogBefore(query, now);
        java.util.Set<List<String>> changed = new java.util.HashSet<>();
        rows.keySet().forEach(key -> changed.add(key.values()));
        Instant first = query.grain() == null ? null : query.factGrain().periodOf(query.from(), properties.zone());
        running.forEach((group, sums) -> {
            if (!changed.contains(group) && sums[0] != 0 && !query.from().isAfter(now)) {
                rows.put(new FactQueries.RowKey(first, group), new Figures());
            }
        });
        Instant endOfToday = Grain.DAY.next(Grain.DAY.periodOf(now, properties.zone()), properties.zone());
        Map<List<String>, Long> laterToday = query.to().isAfter(now) ? facts.dayOldLaterToday(query, now, endOfToday)
                : Map.of();
        for (var entry : rows.entrySet()) {
            long[] sums = running.computeIfAbsent(entry.getKey().values(), group -> new long[3]);
            Figures figures = entry.getValue();
            sums[0] += figures.sum(Measure.BACKLOG_CHANGE);
            sums[1] += figures.sum(Measure.BACKLOG_SINCE_CHANGE);
            sums[2] += figures.sum(Measure.BACKLOG_DAY_OLD_CHANGE);
            figures.backlog.put(Measure.BACKLOG_CHANGE, sums[0]);
            figures.backlog.put(Measure.BACKLOG_SINCE_CHANGE, sums[1]);
            Instant end = entry.getKey().period() == null ? query.to()
                    : query.factGrain().next(entry.getKey().period(), properties.zone());
            figures.end = end.isAfter(now) ? now : end;
            // as of now, not as of the end of today
            long notYet = end.isAfter(now) ? laterToday.getOrDefault(entry.getKey().values(), 0L) : 0;
            figures.backlog.put(Measure.BACKLOG_DAY_OLD_CHANGE, sums[2] - notYet);
        }
    }

    /** The backlog at the range's end: each group's last row. */
    private static void totalBacklog(Map<FactQueries.RowKey, Figures> rows, Figures totals, ReportQuery query,
            Instant now) {
        Map<List<String>, Figures> last = new LinkedHashMap<>();
        rows.forEach((key, figures) -> last.put(key.values(), figures));
        if (last.values().stream().noneMatch(figures -> figures.end != null)) {
            return;
        }
        for (Measure measure : List.of(Measure.BACKLOG_CHANGE, Measure.BACKLOG_SINCE_CHANGE, Measure.BACKLOG_DAY_OLD_CHANGE)) {
            totals.backlog.put(measure, last.values().stream().mapToLong(f -> f.backlog.getOrDefault(measure, 0L)).sum());
        }
        totals.end = query.to().isAfter(now) ? now : query.to();
    }

    /** Over time: each period's rows merged (a stock such as the backlog carried forward per group); else per group. */
    private Map<String, Object> chart(ReportQuery query, Map<FactQueries.RowKey, Figures> rows) {
        Report report = query.report();
        if (report.chartType() == null) {
            return null;
        }
        Map<String, Figures> points = new LinkedHashMap<>();
        ZoneId zone = properties.zone();
        Map<List<String>, Figures> latestOfGroup = new LinkedHashMap<>();
        rows.forEach((key, figures) -> {
            String label = key.period() == null ? String.join(" / ", key.values())
                    : (query.grain() == Grain.DAY ? DAY : INTERVAL).format(key.period().atZone(zone));
            points.computeIfAbsent(label, l -> new Figures()).merge(figures);
            if (key.period() != null) {
                latestOfGroup.put(key.values(), figures);
                Figures point = points.get(label);
                point.end = figures.end;
                if (figures.end != null) {
                    for (Measure m : List.of(Measure.BACKLOG_CHANGE, Measure.BACKLOG_SINCE_CHANGE,
                            Measure.BACKLOG_DAY_OLD_CHANGE)) {
                        point.backlog.put(m, latestOfGroup.values().stream()
                            .mapToLong(f -> f.backlog.getOrDefault(m, 0L)).sum());
                    }
                }
            }
            else {
                points.get(label).backlog.putAll(figures.backlog);
                points.get(label).end = figures.end;
            }
        });
        List<Map<String, Object>> series = new ArrayList<>();
        for (Column column : report.charted()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", column.label());
            one.put("key", column.key());
            one.put("unit", column.unit());
            one.put("data", points.values().stream().map(column::valueOf).toList());
            series.add(one);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", report.chartType());
        chart.put("categories", List.copyOf(points.keySet()));
        chart.put("series", series);
        return chart;
    }
}
