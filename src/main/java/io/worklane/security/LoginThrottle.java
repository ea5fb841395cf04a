package io.worklane.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Counts failed authentications per client address and blocks an address that fails too often. It replaces
 * Camunda's lockout of the account, which let anyone who knows a user id keep that user out: here only the
 * guessing address waits. Kept in memory per node; a restart forgets it.
 */
@Component
public class LoginThrottle {

    /** Failures since {@code windowStart}; {@code blockedUntil} is set once they reach the maximum. */
    private record State(int failures, Instant windowStart, Instant blockedUntil) {
    }

    private final LoginThrottleProperties settings;
    private final Clock clock;
    private final Cache<String, State> byAddress;

    @Autowired
    LoginThrottle(LoginThrottleProperties settings) {
        this(settings, Clock.systemUTC());
    }

    LoginThrottle(LoginThrottleProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.byAddress = Caffeine.newBuilder()
            .maximumSize(settings.trackedAddresses())
            .expireAfterWrite(settings.window().plus(settings.blockFor()))
            .build();
    }

    /** How long the address must still wait, if it is blocked. */
    Optional<Duration> blockedFor(String address) {
        State state = byAddress.getIfPresent(address);
        Instant now = clock.instant();
        if (state == null || state.blockedUntil() == null || !now.isBefore(state.blockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, state.blockedUntil()));
    }

    void failed(String address) {
        Instant now = clock.instant();
        byAddress.asMap().compute(address, (key, state) -> {
            boolean fresh = state == null || !now.isBefore(state.windowStart().plus(settings.window()))
                    || state.blockedUntil() != null && !now.isBefore(state.blockedUntil());
            int failures = fresh ? 1 : state.failures() + 1;
            Instant windowStart = fresh ? now : state.windowStart();
            if (failures >= settings.maxFailures()) {
                // counting starts again once the block is over
                return new State(0, now.plus(settings.blockFor()), now.plus(settings.blockFor()));
            }
            return new State(failures, windowStart, fresh ? null : state.blockedUntil());
        });
    }

    /** Forgets every address: lifts all blocks (an operator's reset; tests start from a clean slate). */
    public void forgetAll() {
        byAddress.invalidateAll();
    }
}
