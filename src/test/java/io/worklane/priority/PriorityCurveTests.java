package io.worklane.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The priority curve as a pure function of (schema, timeline, now), against the seed's examples. */
class PriorityCurveTests {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    /** The seed's "Gold" scheme: hourly steps, climbing from the segment's min to its max at the due date. */
    private static final PrioritySchema GOLD = new PrioritySchema("Gold", null, null, List.of(Duration.ofHours(1)),
            null, null, List.of());

    /** The seed's lead example: value degrades daily, a promotion between day 6 and 8, urgent near the due date. */
    private static final PrioritySchema LEAD_PROMOTION = new PrioritySchema("Lead promotion", 900, -50,
            List.of(Duration.ofDays(1)), null, 2900,
            List.of(new BoostWindow(BoostWindow.Anchor.CAPTURE, Duration.ofDays(6), Duration.ofDays(8), 400),
                    new BoostWindow(BoostWindow.Anchor.DUE, Duration.ofHours(-2), Duration.ZERO, 2200)));

    /** Sales and Gold: SLA 72 hours, priority 500..2000 (the seed's segmentation table). */
    @ParameterizedTest(name = "after {0} min: {1}")
    @CsvSource({ "0, 500", "59, 500", "60, 521", "120, 542", "2160, 1260", "4259, 1978", "4260, 2000",
            "4319, 2000", "4320, 2000", "10000, 2000" })
    void salesGoldClimbsHourlyFromMinToMaxAtTheDueDate(long minutes, int expected) {
        Timeline timeline = new Timeline(T0, T0, T0.plus(Duration.ofHours(72)));

        assertThat(GOLD.within(500, 2000).priorityAt(timeline, T0.plus(Duration.ofMinutes(minutes))))
            .isEqualTo(expected);
    }

    /** Finance and Gold: 400..1000; the same scheme, so the same shape in other bounds. */
    @Test
    void financeGoldUsesItsOwnBounds() {
        Timeline timeline = new Timeline(T0, T0, T0.plus(Duration.ofHours(48)));
        PriorityCurve curve = GOLD.within(400, 1000);

        assertThat(curve.priorityAt(timeline, T0)).isEqualTo(400);
        assertThat(curve.priorityAt(timeline, T0.plus(Duration.ofHours(1)))).isEqualTo(400 + 600 / 47);
        assertThat(curve.priorityAt(timeline, T0.plus(Duration.ofHours(47)))).isEqualTo(1000);
    }

    @Test
    void aShorterServiceLevelClimbsFasterAndReachesMaxSooner() {
        PriorityCurve curve = GOLD.within(500, 2000);
        Timeline day = new Timeline(T0, T0, T0.plus(Duration.ofHours(24)));
        Timeline threeDays = new Timeline(T0, T0, T0.plus(Duration.ofHours(72)));
        Instant noon = T0.plus(Duration.ofHours(12));

        assertThat(curve.priorityAt(day, noon)).isGreaterThan(curve.priorityAt(threeDays, noon));
        assertThat(curve.priorityAt(day, T0.plus(Duration.ofHours(23)))).isEqualTo(2000);
        assertThat(curve.priorityAt(threeDays, T0.plus(Duration.ofHours(23)))).isLessThan(2000);
    }

    /** The seed's lead: SLA 10 days from activation one day after capture. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({ "P0D, 900", "P1D, 900", "P2D, 850", "PT143H59M, 700", "P6D, 1050", "P7D, 1000", "P8D, 550",
            "P10DT21H59M, 450", "P10DT22H, 2650", "P10DT23H59M, 2650", "P11D, 2900", "P30D, 2900" })
    void leadDegradesIsPromotedOnDaysSixToEightAndIsUrgentNearItsDueDate(Duration sinceCapture, int expected) {
        Instant activation = T0.plus(Duration.ofDays(1));
        Timeline timeline = new Timeline(T0, activation, activation.plus(Duration.ofDays(10)));

        assertThat(LEAD_PROMOTION.within(100, 3000).priorityAt(timeline, T0.plus(sinceCapture))).isEqualTo(expected);
    }

    /**
     * The seed's blending rule: leads within 2 hours of their due date are more important than voice calls that
     * waited 30 seconds. The voice strategy here starts calls at 2500 and adds 1 per second waited; the work item
     * band decides whether leads may overtake calls at all.
     */
    @Test
    void aLeadWithinTwoHoursOfItsDueDateOvertakesAVoiceCallWaitingThirtySeconds() {
        int voiceCallAfter30Seconds = 2500 + 30;
        Instant activation = T0.plus(Duration.ofDays(1));
        Instant due = activation.plus(Duration.ofDays(10));
        Timeline timeline = new Timeline(T0, activation, due);
        PriorityProperties.Band overlapping = new PriorityProperties.Band(0, 3000);
        PriorityProperties.Band belowVoice = new PriorityProperties.Band(0, 2499);
        PriorityCurve blended = LEAD_PROMOTION.within(overlapping.clamp(100), overlapping.clamp(3000));
        PriorityCurve keptBelow = LEAD_PROMOTION.within(belowVoice.clamp(100), belowVoice.clamp(3000));

        assertThat(blended.priorityAt(timeline, due.minus(Duration.ofHours(2)))).isGreaterThan(voiceCallAfter30Seconds);
        assertThat(blended.priorityAt(timeline, due.minus(Duration.ofMinutes(121)))).isLessThan(voiceCallAfter30Seconds);
        assertThat(keptBelow.priorityAt(timeline, due.minus(Duration.ofMinutes(30)))).isEqualTo(2499)
            .isLessThan(voiceCallAfter30Seconds);
    }

    @Test
    void nextChangeIsTheNextStepOrWindowEdgeBeforeTheDueDate() {
        Instant activation = T0.plus(Duration.ofDays(1));
        Timeline timeline = new Timeline(T0, activation, activation.plus(Duration.ofDays(10)));
        PriorityCurve curve = LEAD_PROMOTION.within(100, 3000);

        assertThat(curve.nextChangeAfter(timeline, T0)).contains(T0.plus(Duration.ofDays(2)));
        assertThat(curve.nextChangeAfter(timeline, T0.plus(Duration.ofHours(130)))).contains(T0.plus(Duration.ofDays(6)));
        assertThat(curve.nextChangeAfter(timeline, T0.plus(Duration.ofDays(10)).plus(Duration.ofHours(1))))
            .contains(T0.plus(Duration.ofDays(11)).minus(Duration.ofHours(2)));
        assertThat(curve.nextChangeAfter(timeline, T0.plus(Duration.ofDays(11)).minus(Duration.ofHours(1))))
            .as("the due date itself is the due timer's").isEmpty();
    }

    @Test
    void aDerivedCurveStopsChangingAtItsLastStepBeforeTheDueDate() {
        Timeline timeline = new Timeline(T0, T0, T0.plus(Duration.ofHours(3)));
        PriorityCurve curve = GOLD.within(500, 2000);

        assertThat(curve.nextChangeAfter(timeline, T0)).contains(T0.plus(Duration.ofHours(1)));
        assertThat(curve.nextChangeAfter(timeline, T0.plus(Duration.ofHours(1)))).contains(T0.plus(Duration.ofHours(2)));
        assertThat(curve.priorityAt(timeline, T0.plus(Duration.ofHours(2)))).isEqualTo(2000);
        assertThat(curve.nextChangeAfter(timeline, T0.plus(Duration.ofHours(2)))).isEmpty();
    }

    @Test
    void aFixedIncrementStopsChangingOnceClamped() {
        PrioritySchema bronze = new PrioritySchema("Bronze", null, 100, List.of(Duration.ofHours(4)), null, null,
                List.of());
        Timeline noDueDate = new Timeline(T0, T0, null);
        PriorityCurve curve = bronze.within(100, 400);

        assertThat(curve.priorityAt(noDueDate, T0.plus(Duration.ofHours(12)))).isEqualTo(400);
        assertThat(curve.priorityAt(noDueDate, T0.plus(Duration.ofDays(300)))).isEqualTo(400);
        assertThat(curve.nextChangeAfter(noDueDate, T0.plus(Duration.ofHours(8)))).contains(T0.plus(Duration.ofHours(12)));
        assertThat(curve.nextChangeAfter(noDueDate, T0.plus(Duration.ofHours(12)))).isEmpty();
    }

    @Test
    void severalPeriodsBetweenStepsThenTheLastRepeats() {
        PrioritySchema schema = new PrioritySchema("Default", 100, 10,
                List.of(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(4)), null, null, List.of());
        Timeline timeline = new Timeline(T0, T0, null);
        PriorityCurve curve = schema.within(0, 1000);

        assertThat(curve.priorityAt(timeline, T0.plus(Duration.ofMinutes(29)))).isEqualTo(100);
        assertThat(curve.priorityAt(timeline, T0.plus(Duration.ofMinutes(30)))).isEqualTo(110);
        assertThat(curve.priorityAt(timeline, T0.plus(Duration.ofMinutes(90)))).isEqualTo(120);
        assertThat(curve.priorityAt(timeline, T0.plus(Duration.ofMinutes(330)))).isEqualTo(130);
        assertThat(curve.priorityAt(timeline, T0.plus(Duration.ofMinutes(570)))).isEqualTo(140);
        assertThat(curve.nextChangeAfter(timeline, T0.plus(Duration.ofMinutes(330))))
            .contains(T0.plus(Duration.ofMinutes(570)));
    }

    @Test
    void aSourcePriorityReplacesTheInitialPriority() {
        Timeline timeline = new Timeline(T0, T0, T0.plus(Duration.ofHours(72)));
        PriorityCurve curve = GOLD.within(500, 2000).startingFrom(1400);

        assertThat(curve.priorityAt(timeline, T0)).isEqualTo(1400);
        assertThat(curve.priorityAt(timeline, T0.plus(Duration.ofHours(71)))).isEqualTo(2000);
        assertThat(GOLD.within(500, 2000).startingFrom(9000).priorityAt(timeline, T0)).isEqualTo(2000);
    }

    @Test
    void beforeItsStartAScheduledItemHoldsItsInitialPriority() {
        Instant activation = T0.plus(Duration.ofDays(3));
        Timeline timeline = new Timeline(T0, activation, activation.plus(Duration.ofHours(72)));

        assertThat(GOLD.within(500, 2000).priorityAt(timeline, T0.plus(Duration.ofDays(2)))).isEqualTo(500);
        assertThat(GOLD.within(500, 2000).priorityAt(timeline, activation.plus(Duration.ofHours(1)))).isEqualTo(521);
    }

    @Test
    void unusableSchemasAreRefused() {
        assertThatThrownBy(() -> new PrioritySchema("Broken", null, null, List.of(), null, null, List.of()))
            .hasMessageContaining("'Broken'").hasMessageContaining("step interval");
        assertThatThrownBy(() -> GOLD.within(2000, 500)).hasMessageContaining("above max priority");
        assertThatThrownBy(() -> new BoostWindow(BoostWindow.Anchor.DUE, Duration.ZERO, Duration.ofHours(-2), 5))
            .hasMessageContaining("'from' before its 'until'");
    }

    @Property
    void alwaysWithinMinAndMax(@ForAll @IntRange(min = -5000, max = 5000) int initial,
            @ForAll @IntRange(min = -500, max = 500) int increment, @ForAll @IntRange(min = 0, max = 1000) int min,
            @ForAll @IntRange(min = 0, max = 3000) int span, @ForAll @LongRange(min = 1, max = 600) long stepMinutes,
            @ForAll @LongRange(min = 0, max = 100_000) long minutes, @ForAll boolean derived) {
        PrioritySchema schema = new PrioritySchema("any", initial, derived ? null : increment,
                List.of(Duration.ofMinutes(stepMinutes)), initial + increment * 7, initial - increment,
                List.of(new BoostWindow(BoostWindow.Anchor.CAPTURE, Duration.ofHours(5), Duration.ofHours(9), increment * 3)));
        Timeline timeline = new Timeline(T0, T0, T0.plus(Duration.ofHours(30)));

        int priority = schema.within(min, min + span).priorityAt(timeline, T0.plus(Duration.ofMinutes(minutes)));

        assertThat(priority).isBetween(min, min + span);
    }

    @Property
    void monotoneBetweenBoostWindowEdgesWhenTheIncrementIsPositive(
            @ForAll @IntRange(min = 0, max = 500) int increment, @ForAll @LongRange(min = 1, max = 600) long stepMinutes,
            @ForAll @LongRange(min = 0, max = 5000) long earlier, @ForAll @LongRange(min = 0, max = 5000) long later,
            @ForAll boolean derived) {
        PrioritySchema schema = new PrioritySchema("any", 100, derived ? null : increment,
                List.of(Duration.ofMinutes(stepMinutes)), null, null, List.of());
        Timeline timeline = new Timeline(T0, T0, T0.plus(Duration.ofHours(100)));
        PriorityCurve curve = schema.within(0, 5000);
        Instant first = T0.plus(Duration.ofMinutes(Math.min(earlier, later)));
        Instant second = T0.plus(Duration.ofMinutes(Math.max(earlier, later)));

        assertThat(curve.priorityAt(timeline, second)).isGreaterThanOrEqualTo(curve.priorityAt(timeline, first));
    }

    @Property
    void theValueOnlyChangesAtTheAnnouncedInstants(@ForAll @LongRange(min = 0, max = 15_000) long minutes) {
        Instant activation = T0.plus(Duration.ofDays(1));
        Timeline timeline = new Timeline(T0, activation, activation.plus(Duration.ofDays(10)));
        PriorityCurve curve = LEAD_PROMOTION.within(100, 3000);
        Instant now = T0.plus(Duration.ofMinutes(minutes));

        Instant until = curve.nextChangeAfter(timeline, now).orElse(timeline.dueAt());
        if (until.isAfter(now)) {
            assertThat(curve.priorityAt(timeline, until.minusSeconds(1))).isEqualTo(curve.priorityAt(timeline, now));
        }
        else {
            assertThat(curve.priorityAt(timeline, now)).isEqualTo(2900);
        }
    }
}
