package io.worklane.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of one benchmark run: named values (stdout as {@code <prefix>.<name>=<value>} and a JSON file) and a
 * comparison table of Worklane against raw Camunda (stdout and a markdown file).
 */
public final class BenchmarkFigures {

    /** One row of the comparison table; baseline null where there is none to compare with. */
    record Comparison(String figure, Double worklane, Double baseline, String unit, String target) {

        Double ratio() {
            return worklane == null || baseline == null || baseline == 0 ? null : worklane / baseline;
        }
    }

    private final String prefix;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<Comparison> comparisons = new ArrayList<>();
    private final StringBuilder notes = new StringBuilder();

    public BenchmarkFigures(String prefix) {
        this.prefix = prefix;
    }

    public void put(String name, Object value) {
        figures.put(name, value);
        System.out.println(prefix + "." + name + "=" + format(value));
    }

    /** A figure put before, as a number. */
    Double get(String name) {
        return ((Number) figures.get(name)).doubleValue();
    }

    void compare(String figure, Double worklane, Double baseline, String unit, String target) {
        comparisons.add(new Comparison(figure, worklane, baseline, unit, target));
    }

    void note(String text) {
        notes.append("- ").append(text).append('\n');
    }

    /** Writes {@code <prefix>.json}, and where there are comparisons prints them and writes {@code <prefix>.md}. */
    public void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        String json = figures.entrySet()
            .stream()
            .map(figure -> "  \"" + figure.getKey() + "\": " + json(figure.getValue()))
            .collect(Collectors.joining(",\n", "{\n  \"measuredAt\": \"" + Instant.now() + "\",\n", "\n}\n"));
        Files.writeString(directory.resolve(prefix + ".json"), json);
        if (comparisons.isEmpty()) {
            return;
        }
        String table = table();
        System.out.println(table);
        Files.writeString(directory.resolve(prefix + ".md"), table);
    }

    private String table() {
        StringBuilder table = new StringBuilder("| figure | Worklane | baseline | ratio | target |\n| --- | --- | --- | --- | --- |\n");
        for (Comparison row : comparisons) {
            table.append("| ").append(row.figure())
                .append(" | ").append(row.worklane() == null ? "" : format(row.worklane()) + " " + row.unit())
                .append(" | ").append(row.baseline() == null ? "" : format(row.baseline()) + " " + row.unit())
                .append(" | ").append(row.ratio() == null ? "" : String.format(Locale.ROOT, "%.2fx", row.ratio()))
                .append(" | ").append(row.target())
                .append(" |\n");
        }
        return notes.isEmpty() ? table.toString() : table.append('\n').append(notes).toString();
    }

    /** Nearest rank, of an ascending list. */
    public static double percentile(List<Double> sorted, double quantile) {
        return sorted.get((int) Math.ceil(quantile * sorted.size()) - 1);
    }

    static double perSecond(long count, Duration elapsed) {
        return count * 1e9 / elapsed.toNanos();
    }

    static String format(Object value) {
        if (value instanceof Double number) {
            return Math.abs(number) >= 100 ? String.format(Locale.ROOT, "%.0f", number)
                    : String.format(Locale.ROOT, "%.2f", number);
        }
        return String.valueOf(value);
    }

    private static String json(Object value) {
        return value instanceof Number || value instanceof Boolean ? format(value) : "\"" + value + "\"";
    }
}
