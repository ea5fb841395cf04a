package io.worklane.routing;

import java.time.Duration;

import org.springframework.test.util.ReflectionTestUtils;

/**
 * A shorter RONA time-out for one test in the shared application context (a property of its own would start a
 * second context): offers the router makes meanwhile carry it, in their timer and their {@code offerExpiresAt}.
 * Closing restores the configured one.
 */
public final class RonaTimeoutForTests implements AutoCloseable {

    private final Router router;
    private final RoutingProperties configured;

    private RonaTimeoutForTests(Router router, RoutingProperties configured) {
        this.router = router;
        this.configured = configured;
    }

    public static RonaTimeoutForTests shorten(Router router, Duration timeout) {
        RoutingProperties configured = (RoutingProperties) ReflectionTestUtils.getField(router, "properties");
        RoutingProperties shorter = new RoutingProperties(configured.sweepInterval(), configured.candidateAgents(),
                configured.maxOffersPerAgent(), configured.preferredAgentTimeoutPercent(), configured.scanLimit(),
                configured.answer(), timeout, configured.transferTimeoutShare(), configured.transferTimeoutMinimum());
        ReflectionTestUtils.setField(router, "properties", shorter);
        return new RonaTimeoutForTests(router, configured);
    }

    @Override
    public void close() {
        ReflectionTestUtils.setField(router, "properties", configured);
    }
}
