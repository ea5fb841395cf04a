package io.worklane.insights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the facts of a report into one {@link Figures} per row: the sums of {@code report_fact}, the duration
 * buckets, the agents' presence and the backlog carried in from before the range. Every query walks the primary key
 * of its table, which leads with the grain and the period.
 */
@Repository
class FactQueries {

    /** A report row: its period (null over the whole range) and its values of the report's dimensions. */
    record RowKey(Instant period, List<String> values) {
    }

    /** Every column of {@code report_fact} summed as its kind wants it (FactMonths sums days into months with it). */
    static final String SUMS = Arrays.stream(Measure.values())
        .map(m -> "SUM(" + m.column() + ")").collect(Collectors.joining(", "))
        + ", MIN(priority_min), MAX(priority_max), SUM(value_captured), SUM(value_completed)";

    private final NamedParameterJdbcTemplate jdbc;
    private final InsightsProperties properties;

    FactQueries(NamedParameterJdbcTemplate jdbc, InsightsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The range's facts: its rows' grain, or over the whole range the coarsest periods that fit (Spans). */
    private List<Spans.Span> spans(ReportQuery query, Instant now) {
        return query.grain() == null ? Spans.wholeRange(query.from(), query.to(), now, properties.zone())
                : List.of(new Spans.Span(query.grain(), query.from(), query.to()));
    }

    Map<RowKey, Figures> figures(ReportQuery query, Instant now) {
        Map<RowKey, Figures> rows = new LinkedHashMap<>();
        List<Dimension> dims = query.report().dimensions();
        MapSqlParameterSource parameters = parameters(query, now);
        String where = where(query, Spans.condition(spans(query, now), "range", parameters) + " AND period_start <= :now");
        String groups = groups(query, dims);
        jdbc.query("SELECT " + select(query, dims) + SUMS + " FROM report_fact WHERE " + where + groups, parameters,
                row -> {
                    int next = 1 + (query.grain() == null ? 0 : 1) + dims.size();
                    long[] sums = new long[Measure.values().length];
                    for (int i = 0; i < sums.length; i++) {
                        sums[i] = row.getLong(next + i);
                    }
                    int after = next + sums.length;
                    rows.computeIfAbsent(key(row, query, dims.size()), k -> new Figures()).addRow(sums,
                            (Integer) row.getObject(after, Integer.class), (Integer) row.getObject(after + 1, Integer.class),
                            row.getBigDecimal(after + 2), row.getBigDecimal(after + 3));
                });
        List<String> percentiles = query.report().columns().stream().map(Column::percentileOf)
            .filter(java.util.Objects::nonNull).distinct().toList();
        if (!percentiles.isEmpty()) {
            // only the durations the report's percentiles read: a fifth of the rows or less
            jdbc.query("SELECT " + select(query, dims) + "measure, bucket, SUM(n) FROM report_duration WHERE " + where
                    + " AND measure IN (:measures)" + groups + ", measure, bucket",
                    new MapSqlParameterSource(parameters.getValues()).addValue("measures", percentiles), row -> {
                        int next = 1 + (query.grain() == null ? 0 : 1) + dims.size();
                        rows.computeIfAbsent(key(row, query, dims.size()), k -> new Figures())
                            .addDuration(row.getString(next).charAt(0), row.getInt(next + 1), row.getLong(next + 2));
                    });
        }
        if (query.report().perAgent()) {
            java.util.Set<String> working = new java.util.HashSet<>();
            rows.keySet().forEach(key -> working.add(key.values().get(0)));
            presence(query, now, parameters, rows);
            if (query.filters().containsKey(Dimension.DEPARTMENT) || query.filters().containsKey(Dimension.PROCESS)) {
                // presence has no department: with one asked for, only the agents who worked in it
                rows.keySet().removeIf(key -> !working.contains(key.values().get(0)));
            }
        }
        return rows;
    }

    /** The backlog's running sums before the range, per group of the report's dimensions. */
    Map<List<String>, long[]> backlogBefore(ReportQuery query, Instant now) {
        MapSqlParameterSource parameters = parameters(query, now);
        // from the epoch, where FactRetention keeps what dropped rows had added, in months as far as they fit
        String before = Spans.condition(Spans.cover(Instant.EPOCH, query.from(), query.factGrain(), properties.zone()),
                "before", parameters);
        return sumsPerGroup(query, List.of(Measure.BACKLOG_CHANGE, Measure.BACKLOG_SINCE_CHANGE,
                Measure.BACKLOG_DAY_OLD_CHANGE), where(query, before), parameters);
    }

    private void presence(ReportQuery query, Instant now, MapSqlParameterSource parameters, Map<RowKey, Figures> rows) {
        StringBuilder where = new StringBuilder(Spans.condition(spans(query, now), "presence", parameters));
        if (query.filters().containsKey(Dimension.AGENT)) {
            where.append(" AND agent_id = :agent");
        }
        if (query.agents() != null) {
            if (query.agents().isEmpty()) {
                return;
            }
            where.append(" AND agent_id IN (:agents)");
        }
        String period = query.grain() == null ? "" : "period_start, ";
        jdbc.query("SELECT " + period + "agent_id, state, reason, SUM(seconds) FROM report_presence WHERE " + where
                + " GROUP BY " + period + "agent_id, state, reason", parameters, row -> {
                    int next = query.grain() == null ? 1 : 2;
                    Instant at = query.grain() == null ? null : row.getTimestamp(1).toInstant();
                    rows.computeIfAbsent(new RowKey(at, List.of(row.getString(next))), k -> new Figures())
                        .addPresence(row.getString(next + 1), row.getString(next + 2), row.getLong(next + 3));
                });
    }

    private static String select(ReportQuery query, List<Dimension> dims) {
        StringBuilder select = new StringBuilder(query.grain() == null ? "" : "period_start, ");
        dims.forEach(dim -> select.append(dim.column()).append(", "));
        return select.toString();
    }

    private static String groups(ReportQuery query, List<Dimension> dims) {
        List<String> columns = new ArrayList<>();
        if (query.grain() != null) {
            columns.add("period_start");
        }
        dims.forEach(dim -> columns.add(dim.column()));
        // grouping by a constant keeps one row over everything when there is no dimension and no period
        return " GROUP BY " + (columns.isEmpty() ? "grain" : String.join(", ", columns));
    }

    /**
     * Items turning a day old later today, per group: today's row holds them already (a change is kept at its
     * period's start), the backlog as of now does not.
     */
    Map<List<String>, Long> dayOldLaterToday(ReportQuery query, Instant now, Instant endOfToday) {
        MapSqlParameterSource parameters = parameters(query, now).addValue("grain", Grain.INTERVAL.code())
            .addValue("endOfToday", java.sql.Timestamp.from(endOfToday));
        Map<List<String>, Long> later = new LinkedHashMap<>();
        sumsPerGroup(query, List.of(Measure.BACKLOG_DAY_OLD_CHANGE),
                where(query, "grain = :grain AND period_start > :now AND period_start < :endOfToday"), parameters)
            .forEach((group, sums) -> later.put(group, sums[0]));
        return later;
    }

    /** These measures summed per group of the report's dimensions (no period) over the facts {@code where} picks. */
    private Map<List<String>, long[]> sumsPerGroup(ReportQuery query, List<Measure> measures, String where,
            MapSqlParameterSource parameters) {
        List<Dimension> dims = query.report().dimensions();
        String columns = dims.stream().map(Dimension::column).collect(Collectors.joining(", "));
        String sums = measures.stream().map(m -> "SUM(" + m.column() + ")").collect(Collectors.joining(", "));
        Map<List<String>, long[]> groups = new LinkedHashMap<>();
        jdbc.query("SELECT " + (columns.isEmpty() ? "" : columns + ", ") + sums + " FROM report_fact WHERE " + where
                + (columns.isEmpty() ? "" : " GROUP BY " + columns), parameters, row -> {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= dims.size(); i++) {
                        values.add(row.getString(i));
                    }
                    long[] summed = new long[measures.size()];
                    for (int i = 0; i < summed.length; i++) {
                        summed[i] = row.getLong(dims.size() + 1 + i);
                    }
                    groups.put(values, summed);
                });
        return groups;
    }

    private static String where(ReportQuery query, String periods) {
        StringBuilder where = new StringBuilder(periods);
        query.filters().keySet().forEach(dim -> where.append(" AND ").append(dim.column()).append(" = :").append(dim.key()));
        if (query.departments() != null) {
            where.append(query.departments().isEmpty() ? " AND 1 = 0" : " AND LOWER(department) IN (:departments)");
        }
        if (query.report().perAgent()) {
            where.append(" AND agent_id <> ''");
            if (query.agents() != null) {
                where.append(query.agents().isEmpty() ? " AND 1 = 0" : " AND agent_id IN (:agents)");
            }
        }
        else if (!query.filters().containsKey(Dimension.AGENT)) {
            // the item's own rows: an agent's rows count the same events again (FactDeltas)
            where.append(" AND agent_id = ''");
        }
        return where.toString();
    }

    private static MapSqlParameterSource parameters(ReportQuery query, Instant now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("now", Timestamp.from(now))
            .addValue("departments", query.departments())
            .addValue("agents", query.agents());
        query.filters().forEach((dim, value) -> parameters.addValue(dim.key(), value));
        return parameters;
    }

    private static RowKey key(ResultSet row, ReportQuery query, int dims) throws SQLException {
        int next = 1;
        Instant period = null;
        if (query.grain() != null) {
            period = row.getTimestamp(next++).toInstant();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < dims; i++) {
            values.add(row.getString(next++));
        }
        return new RowKey(period, values);
    }
}
