package io.worklane.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private Instant now = Instant.parse("2026-03-01T10:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleProperties(3, Duration.ofMinutes(1), Duration.ofMinutes(5), null), clock);

    @Test
    void blocksAnAddressAfterTooManyFailuresWithinTheWindow() {
        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");
        assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();

        throttle.failed("10.0.0.1");
        assertThat(throttle.blockedFor("10.0.0.1")).contains(Duration.ofMinutes(5));
        assertThat(throttle.blockedFor("10.0.0.2")).as("another address").isEmpty();

        now = now.plus(Duration.ofMinutes(4));
        assertThat(throttle.blockedFor("10.0.0.1")).contains(Duration.ofMinutes(1));
        now = now.plus(Duration.ofMinutes(1));
        assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();

        throttle.failed("10.0.0.1");
        assertThat(throttle.blockedFor("10.0.0.1")).as("counting starts again after a block").isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");
        now = now.plus(Duration.ofSeconds(61));
        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");
        assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();
        throttle.failed("10.0.0.1");
        assertThat(throttle.blockedFor("10.0.0.1")).isPresent();
    }

    @Test
    void forgetAllLiftsEveryBlock() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("10.0.0.1");
        }
        throttle.forgetAll();
        assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    void defaultsAreTenPerMinuteBlockingFiveMinutes() {
        var defaults = new LoginThrottleProperties(null, null, null, null);
        assertThat(defaults.maxFailures()).isEqualTo(10);
        assertThat(defaults.window()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.blockFor()).isEqualTo(Duration.ofMinutes(5));
    }
}
