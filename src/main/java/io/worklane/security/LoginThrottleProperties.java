package io.worklane.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Failed authentications counted per client address (README: "Failed logins"). Counts are per node.
 *
 * @param maxFailures failed attempts from one address within {@code window} that block it
 * @param window how far back failures count
 * @param blockFor how long a blocked address gets 429 on every authentication attempt
 * @param trackedAddresses at most this many addresses are remembered (the oldest are forgotten first), so a
 *            flood from many addresses cannot exhaust memory
 */
@ConfigurationProperties("worklane.security.login-throttle")
record LoginThrottleProperties(Integer maxFailures, Duration window, Duration blockFor, Integer trackedAddresses) {

    LoginThrottleProperties {
        maxFailures = maxFailures == null ? 10 : maxFailures;
        window = window == null ? Duration.ofMinutes(1) : window;
        blockFor = blockFor == null ? Duration.ofMinutes(5) : blockFor;
        trackedAddresses = trackedAddresses == null ? 100_000 : trackedAddresses;
        if (maxFailures < 1 || window.isNegative() || window.isZero() || blockFor.isNegative()) {
            throw new IllegalArgumentException("worklane.security.login-throttle needs max-failures >= 1, a positive "
                    + "window and a block-for that is not negative");
        }
    }
}
