package io.worklane.exceptions;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param watchInterval how often every node looks for new causes and causes gone
 * @param parkedUntouchedAfter a parked item untouched this long is an exception
 * @param rejectedWithin captures rejected within this time before now are exceptions
 * @param confirmationWithin items whose source confirmation timed out within this time are watched
 */
@ConfigurationProperties("worklane.exceptions")
record ExceptionProperties(Duration watchInterval, Duration parkedUntouchedAfter, Duration rejectedWithin,
        Duration confirmationWithin) {

    ExceptionProperties {
        watchInterval = watchInterval == null ? Duration.ofSeconds(30) : watchInterval;
        parkedUntouchedAfter = parkedUntouchedAfter == null ? Duration.ofHours(4) : parkedUntouchedAfter;
        rejectedWithin = rejectedWithin == null ? Duration.ofDays(2) : rejectedWithin;
        confirmationWithin = confirmationWithin == null ? Duration.ofDays(30) : confirmationWithin;
    }
}
