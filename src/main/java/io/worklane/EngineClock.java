package io.worklane;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** A {@link Clock} that reads Camunda's {@link ClockUtil}, the clock its timers run on. */
final class EngineClock extends Clock {

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new IllegalArgumentException("the engine clock runs in UTC only, not " + zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.now().toInstant();
    }
}
