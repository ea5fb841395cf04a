package io.worklane.insights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.worklane.web.SpreadsheetCells;

/** A report's rows as CSV: one column per key of the rows, nested figures and KPI outcomes flattened to text. */
final class ReportCsv {

    private static final CsvMapper CSV = new CsvMapper();

    private ReportCsv() {
    }

    static String write(List<String> header, List<Map<String, Object>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        header.forEach(schema::addColumn);
        List<Map<String, String>> flat = rows.stream().map(row -> row.entrySet().stream()
            .filter(entry -> header.contains(entry.getKey()))
            .collect(Collectors.toMap(Map.Entry::getKey, entry -> text(entry.getValue()), (a, b) -> a))).toList();
        try {
            return CSV.writer(schema.build()).writeValueAsString(flat);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(ReportCsv::kpi).collect(Collectors.joining("; "));
        }
        if (value instanceof String text) {
            // a source system's text opened in a spreadsheet must not run as a formula
            return SpreadsheetCells.text(text);
        }
        return value.toString();
    }

    private static String kpi(Object item) {
        if (item instanceof KpiTargets.Outcome outcome) {
            return outcome.label() + ": " + outcome.status() + " (" + outcome.actual() + " against "
                    + outcome.target() + ")";
        }
        return String.valueOf(item);
    }
}
