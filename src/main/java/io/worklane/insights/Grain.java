package io.worklane.insights;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * The periods facts are kept for: 15-minute intervals (aligned on the hour in every zone that matters), days and
 * months in the report zone. Reports show intervals and days; a figure over a whole range reads the coarsest periods
 * that fit in it ({@link Spans}), so 90 days of one agent's facts are three months and a few days, not 90 days.
 */
enum Grain {
    INTERVAL('I'), DAY('D'), MONTH('M');

    static final long INTERVAL_SECONDS = 15 * 60;

    private final char code;

    Grain(char code) {
        this.code = code;
    }

    String code() {
        return String.valueOf(code);
    }

    static Grain of(String code) {
        return Arrays.stream(values()).filter(grain -> grain.code().equals(code)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No grain " + code));
    }

    /** The next grain up, whose periods are made of whole periods of this one; null for the coarsest. */
    Grain coarser() {
        return this == MONTH ? null : values()[ordinal() + 1];
    }

    /** The start of the period holding {@code at}. */
    Instant periodOf(Instant at, ZoneId zone) {
        return switch (this) {
            case INTERVAL -> Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), INTERVAL_SECONDS) * INTERVAL_SECONDS);
            case DAY -> at.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
            case MONTH -> at.atZone(zone).toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
        };
    }

    /** The start of the period after the one starting at {@code start}. */
    Instant next(Instant start, ZoneId zone) {
        return switch (this) {
            case INTERVAL -> start.plusSeconds(INTERVAL_SECONDS);
            case DAY -> start.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            case MONTH -> start.atZone(zone).toLocalDate().plusMonths(1).atStartOfDay(zone).toInstant();
        };
    }

    /** The first period start at or after {@code at}. */
    Instant firstStartFrom(Instant at, ZoneId zone) {
        Instant start = periodOf(at, zone);
        return start.equals(at) ? start : next(start, zone);
    }
}
