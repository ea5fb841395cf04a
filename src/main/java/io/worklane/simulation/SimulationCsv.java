package io.worklane.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.worklane.web.SpreadsheetCells;

/** A comparison's figures as CSV tables: the same figures as its JSON, one table per kind. */
public enum SimulationCsv {

    /** One row per run: the day's totals with the wait and handle-time spreads. */
    TOTALS {
        @Override
        List<Map<String, Object>> rows(Comparison comparison) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (RunFigures run : comparison.runs()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("run", run.name());
                RunFigures.Totals t = run.totals();
                row.put("arrived", t.arrived());
                row.put("refused", t.refused());
                row.put("offered", t.offered());
                row.put("notOffered", t.notOffered());
                row.put("done", t.done());
                row.put("doneWithinSla", t.doneWithinSla());
                row.put("serviceLevel", t.serviceLevel());
                row.put("overdue", t.overdue());
                row.put("backlogAtEnd", t.backlogAtEnd());
                row.put("waitedShare", t.waitedShare());
                row.put("occupancy", t.occupancy());
                row.put("itemsPerAgentGini", t.itemsPerAgentGini());
                spread(row, "wait", run.waitSeconds());
                spread(row, "handle", run.handleSeconds());
                row.put("wallSeconds", run.run().wallSeconds());
                rows.add(row);
            }
            return rows;
        }
    },
    /** One row per run, department or segment. */
    GROUPS {
        @Override
        List<Map<String, Object>> rows(Comparison comparison) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (RunFigures run : comparison.runs()) {
                group(rows, run.name(), "department", run.byDepartment());
                group(rows, run.name(), "segment", run.bySegment());
            }
            return rows;
        }
    },
    /** The backlog over the day, per run. */
    BACKLOG {
        @Override
        List<Map<String, Object>> rows(Comparison comparison) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (RunFigures run : comparison.runs()) {
                for (DayLog.BacklogPoint point : run.backlog()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("run", run.name());
                    row.put("at", point.at());
                    row.put("queued", point.queued());
                    row.put("withAgents", point.withAgents());
                    rows.add(row);
                }
            }
            return rows;
        }
    },
    /** Per run and agent: items done, handle and logged-in time, occupancy. */
    AGENTS {
        @Override
        List<Map<String, Object>> rows(Comparison comparison) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (RunFigures run : comparison.runs()) {
                for (RunFigures.AgentFigures agent : run.agents()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("run", run.name());
                    row.put("agent", agent.id());
                    row.put("itemsDone", agent.itemsDone());
                    row.put("handleSeconds", agent.handleSeconds());
                    row.put("loggedInSeconds", agent.loggedInSeconds());
                    row.put("occupancy", agent.occupancy());
                    rows.add(row);
                }
            }
            return rows;
        }
    },
    /** The second run minus the first, figure by figure (empty for one run). */
    DIFFERENCES {
        @Override
        List<Map<String, Object>> rows(Comparison comparison) {
            List<Map<String, Object>> rows = new ArrayList<>();
            Comparison.Differences d = comparison.differences();
            if (d == null) {
                return rows;
            }
            d.totals().forEach((figure, value) -> difference(rows, "total", "", figure, value));
            d.waitSeconds().forEach((figure, value) -> difference(rows, "waitSeconds", "", figure, value));
            for (var pair : List.of(Map.entry("department", d.byDepartment()), Map.entry("segment", d.bySegment()))) {
                for (Comparison.GroupDifference g : pair.getValue()) {
                    difference(rows, pair.getKey(), g.name(), "done", g.done());
                    difference(rows, pair.getKey(), g.name(), "serviceLevel", g.serviceLevel());
                    difference(rows, pair.getKey(), g.name(), "overdue", g.overdue());
                    difference(rows, pair.getKey(), g.name(), "meanWaitSeconds", g.meanWaitSeconds());
                    difference(rows, pair.getKey(), g.name(), "p90WaitSeconds", g.p90WaitSeconds());
                }
            }
            return rows;
        }
    };

    private static final CsvMapper CSV = new CsvMapper();

    abstract List<Map<String, Object>> rows(Comparison comparison);

    /** The table's file name: {@code totals.csv}, ... */
    public String fileName() {
        return name().toLowerCase() + ".csv";
    }

    public String write(Comparison comparison) {
        List<Map<String, Object>> rows = rows(comparison);
        if (rows.isEmpty()) {
            return "";
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        rows.get(0).keySet().forEach(schema::addColumn);
        List<Map<String, String>> text = rows.stream().map(row -> {
            Map<String, String> cells = new LinkedHashMap<>();
            row.forEach((key, value) -> cells.put(key, text(value)));
            return cells;
        }).toList();
        try {
            return CSV.writer(schema.build()).writeValueAsString(text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            // a name opened in a spreadsheet must not run as a formula
            return SpreadsheetCells.text(text);
        }
        return value.toString();
    }

    private static void spread(Map<String, Object> row, String prefix, RunFigures.Spread spread) {
        row.put(prefix + "MeanSeconds", spread.mean());
        row.put(prefix + "P50Seconds", spread.p50());
        row.put(prefix + "P90Seconds", spread.p90());
        row.put(prefix + "P95Seconds", spread.p95());
        row.put(prefix + "P99Seconds", spread.p99());
        row.put(prefix + "MaxSeconds", spread.max());
    }

    private static void group(List<Map<String, Object>> rows, String run, String dimension,
            List<RunFigures.Group> groups) {
        for (RunFigures.Group g : groups) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("run", run);
            row.put("dimension", dimension);
            row.put("name", g.name());
            row.put("arrived", g.arrived());
            row.put("done", g.done());
            row.put("doneWithinSla", g.doneWithinSla());
            row.put("serviceLevel", g.serviceLevel());
            row.put("overdue", g.overdue());
            row.put("meanWaitSeconds", g.meanWaitSeconds());
            row.put("p90WaitSeconds", g.p90WaitSeconds());
            rows.add(row);
        }
    }

    private static void difference(List<Map<String, Object>> rows, String dimension, String name, String figure,
            Number value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dimension", dimension);
        row.put("name", name);
        row.put("figure", figure);
        row.put("difference", value);
        rows.add(row);
    }
}
