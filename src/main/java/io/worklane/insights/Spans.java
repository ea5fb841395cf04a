package io.worklane.insights;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A range [from, to) as facts of several grains that add up to it without overlap: whole months where they fit,
 * whole days around them, and periods of the finest grain asked for at the edges. Every grain holds the same
 * changes (FactDeltas writes each to all three), so the sums are those of the finest grain over the range, read
 * from a fraction of its rows.
 */
final class Spans {

    /** One grain's periods starting in [from, to). */
    record Span(Grain grain, Instant from, Instant to) {
    }

    private Spans() {
    }

    /**
     * A report's whole range: months and days before today as far as they fit; today and later by day. A change
     * dated later (an item coming of age at 24 hours) is kept in the period that holds its date, so a month or day
     * holding now holds changes not yet made; only day rows let the report leave those out (up to now).
     */
    static List<Span> wholeRange(Instant from, Instant to, Instant now, ZoneId zone) {
        Instant today = Grain.DAY.periodOf(now, zone);
        Instant split = from.isAfter(today) ? from : to.isBefore(today) ? to : today;
        List<Span> spans = cover(from, split, Grain.DAY, zone);
        if (split.isBefore(to)) {
            spans.add(new Span(Grain.DAY, split, to));
        }
        return spans;
    }

    static List<Span> cover(Instant from, Instant to, Grain finest, ZoneId zone) {
        List<Span> spans = new ArrayList<>();
        cover(from, to, finest, zone, spans);
        return spans;
    }

    private static void cover(Instant from, Instant to, Grain grain, ZoneId zone, List<Span> spans) {
        Grain coarser = grain.coarser();
        if (!from.isBefore(to)) {
            return;
        }
        Instant inner = coarser == null ? null : coarser.firstStartFrom(from, zone);
        Instant outer = coarser == null ? null : coarser.periodOf(to, zone);
        if (coarser == null || !inner.isBefore(outer)) {
            spans.add(new Span(grain, from, to));
            return;
        }
        if (from.isBefore(inner)) {
            spans.add(new Span(grain, from, inner));
        }
        cover(inner, outer, coarser, zone, spans);
        if (outer.isBefore(to)) {
            spans.add(new Span(grain, outer, to));
        }
    }

    /**
     * The condition on {@code grain} and {@code period_start} that picks these spans' rows; its parameters are
     * added under {@code prefix}.
     */
    static String condition(List<Span> spans, String prefix, MapSqlParameterSource parameters) {
        if (spans.isEmpty()) {
            return "1 = 0";
        }
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            String name = prefix + i;
            parameters.addValue(name + "g", span.grain().code())
                .addValue(name + "f", Timestamp.from(span.from()))
                .addValue(name + "t", Timestamp.from(span.to()));
            terms.add("grain = :" + name + "g AND period_start >= :" + name + "f AND period_start < :" + name + "t");
        }
        return terms.stream().map(term -> "(" + term + ")").collect(Collectors.joining(" OR ", "(", ")"));
    }
}
