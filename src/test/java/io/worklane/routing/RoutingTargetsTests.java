package io.worklane.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.worklane.workitem.RoutingPlan;
import io.worklane.workitem.RoutingTarget;

/** The widening schedule: preferred agent, then primary, secondary and tertiary, each for its share of the SLA. */
class RoutingTargetsTests {

    private static final Instant QUEUED = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration SLA = Duration.ofHours(72);
    /** The seed's example targets; 25 % of 72 h = 18 h each. */
    private static final RoutingPlan SEED = new RoutingPlan("Sales Processing > 7 and Legacy System Processing > 1",
            "Sales Processing > 4", "Sales Processing > 0", 25, 25);

    @ParameterizedTest(name = "preferred agent {0}, after {1}: {2}")
    @CsvSource(nullValues = "null", value = {
            "false, PT0S,    PRIMARY,   Sales Processing > 7 and Legacy System Processing > 1, PT18H",
            "false, PT17H59M, PRIMARY,  Sales Processing > 7 and Legacy System Processing > 1, PT18H",
            "false, PT18H,   SECONDARY, Sales Processing > 4, PT36H",
            "false, PT36H,   TERTIARY,  Sales Processing > 0, null",
            "false, P30D,    TERTIARY,  Sales Processing > 0, null",
            "true,  PT0S,    PREFERRED, null,                 PT7H12M",
            "true,  PT7H12M, PRIMARY,   Sales Processing > 7 and Legacy System Processing > 1, PT25H12M",
            "true,  PT25H12M, SECONDARY, Sales Processing > 4, PT43H12M",
            "true,  PT43H12M, TERTIARY, Sales Processing > 0, null" })
    void targetsWidenAtTheirShareOfTheSla(boolean preferred, Duration after, String level, String expression,
            Duration nextAfter) {
        RoutingTarget target = RoutingTargets.targetAt(SEED, preferred, SLA, 10, QUEUED, QUEUED.plus(after));

        assertThat(target.level()).isEqualTo(level);
        assertThat(target.expression()).isEqualTo(expression);
        assertThat(target.nextExpansionAt()).isEqualTo(nextAfter == null ? null : QUEUED.plus(nextAfter));
    }

    @Test
    void aTargetCarriesTheSqlPrefilterEveryMatchingAgentMeets() {
        RoutingTarget primary = RoutingTargets.targetAt(SEED, false, SLA, 10, QUEUED, QUEUED);

        assertThat(primary.skill()).isEqualTo("Sales Processing");
        assertThat(primary.minProficiency()).isEqualTo(8);
    }

    @Test
    void aRuleWithABadExpressionIsRefusedWithItsMessage() {
        Map<String, Object> row = new HashMap<>(Map.of("primaryTarget", "Sales Processing >", "secondaryTarget",
                "Sales Processing > 4", "tertiaryTarget", "Sales Processing > 0", "primaryTimeoutPercent", 25,
                "secondaryTimeoutPercent", 25));

        assertThatThrownBy(() -> RoutingTargets.plan(row)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("routing-targets decision gave an unusable row")
            .hasMessageContaining("Sales Processing >");
        row.put("primaryTarget", "Sales Processing > 7");
        row.put("secondaryTimeoutPercent", 150);
        assertThatThrownBy(() -> RoutingTargets.plan(row)).hasMessageContaining("between 0 and 100");
    }
}
