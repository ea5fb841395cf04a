package io.worklane.insights;

import java.time.Instant;
import java.time.ZoneId;

/** The periods facts are kept for: 15-minute intervals (aligned on the hour in every zone that matters) and days. */
enum Grain {
    INTERVAL('I'), DAY('D');

    static final long INTERVAL_SECONDS = 15 * 60;

    private final char code;

    Grain(char code) {
        this.code = code;
    }

    String code() {
        return String.valueOf(code);
    }

    /** The start of the period holding {@code at}. */
    Instant periodOf(Instant at, ZoneId zone) {
        if (this == INTERVAL) {
            return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), INTERVAL_SECONDS) * INTERVAL_SECONDS);
        }
        return at.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    /** The start of the period after the one starting at {@code start}. */
    Instant next(Instant start, ZoneId zone) {
        if (this == INTERVAL) {
            return start.plusSeconds(INTERVAL_SECONDS);
        }
        return start.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }
}
