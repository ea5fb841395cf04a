package io.worklane.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Due dates in business time. Local times are Berlin wall-clock times; around DST changes the expected
 * instants are written in UTC, because there the wall clock is exactly what is in question.
 */
class BusinessCalendarTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static final BusinessCalendar OFFICE =
            BusinessCalendar.parse("Office", "Europe/Berlin", "MON-FRI 08:00-17:00", null);

    private static final BusinessCalendar LUNCH_BREAK =
            BusinessCalendar.parse("Lunch break", "Europe/Berlin", "MON-FRI 08:00-12:00,13:00-17:00", null);

    private static final BusinessCalendar CHRISTMAS = BusinessCalendar.parse("Christmas", "Europe/Berlin",
            "MON-SAT 08:00-17:00", "2026-12-24, --12-25, --12-26");

    @ParameterizedTest
    @ValueSource(strings = { "PT0S", "PT0.000000001S", "PT1M", "PT1H", "PT9H", "PT72H", "P30D" })
    void aroundTheClockIsPlainTime(Duration businessTime) {
        BusinessCalendar always = BusinessCalendar.always();
        Instant start = Instant.parse("2027-03-27T23:17:42.123456789Z");

        assertThat(always.name()).isEqualTo("24x7");
        assertThat(always.plus(start, businessTime)).isEqualTo(start.plus(businessTime));
        assertThat(always.nextWorkingInstant(start)).isEqualTo(start);
    }

    /** A holiday far in the future keeps this calendar off the fast path, so the day-by-day walk is checked. */
    @ParameterizedTest
    @CsvSource({ "2027-03-27T12:00:00Z, PT72H", "2027-03-28T00:30:00Z, PT3H", "2026-10-24T21:59:00Z, PT26H",
            "2026-10-25T00:30:00Z, PT1H", "2026-10-20T10:00:00Z, P14D" })
    void aroundTheClockInBerlinIsPlainTimeAcrossDstChanges(Instant start, Duration businessTime) {
        BusinessCalendar berlin = BusinessCalendar.parse("Berlin 24x7", "Europe/Berlin", "MON-SUN 00:00-24:00",
                "2099-01-01");

        assertThat(berlin.plus(start, businessTime)).isEqualTo(start.plus(businessTime));
    }

    /** 2026-06-01 is a Monday; the office is open 9 hours a weekday. */
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "2026-06-01T10:00, PT8H,    2026-06-02T09:00", // 7 hours on Monday, 1 on Tuesday
            "2026-06-05T16:00, PT2H,    2026-06-08T09:00", // Friday's last hour, then Monday: the weekend is skipped
            "2026-06-06T12:00, PT1H,    2026-06-08T09:00", // Saturday: counting starts Monday 08:00
            "2026-06-01T06:00, PT1H,    2026-06-01T09:00", // before opening: counting starts at 08:00
            "2026-06-01T08:00, PT9H,    2026-06-01T17:00", // a whole day ends at closing, not the next morning
            "2026-06-01T17:00, PT1H,    2026-06-02T09:00", // at closing nothing is left of Monday
            // 72 / 9 = 8 whole days: Mon-Fri of the first week (45 h), Mon-Wed of the next (27 h)
            "2026-06-01T08:00, PT72H,   2026-06-10T17:00",
            "2026-06-01T08:00, PT72H1M, 2026-06-11T08:01",
            "2026-06-01T08:00, PT0S,    2026-06-01T08:00", // opening time is working time
            "2026-06-01T16:59, PT0S,    2026-06-01T16:59",
            "2026-06-01T17:00, PT0S,    2026-06-02T08:00", // closing time is not
            "2026-06-01T12:34:56.789, PT30M, 2026-06-01T13:04:56.789" })
    void officeHoursSkipNightsAndWeekends(LocalDateTime start, Duration businessTime, LocalDateTime due) {
        assertThat(OFFICE.plus(berlin(start), businessTime)).isEqualTo(berlin(due));
    }

    /** 8 working hours a day with a break from 12:00 to 13:00. */
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "2026-06-01T11:00, PT2H,    2026-06-01T14:00",
            "2026-06-01T08:00, PT4H,    2026-06-01T12:00", // the morning's end, not 13:00
            "2026-06-01T12:00, PT0S,    2026-06-01T13:00",
            "2026-06-01T12:30, PT1H,    2026-06-01T14:00",
            "2026-06-01T08:00, PT8H,    2026-06-01T17:00",
            "2026-06-01T08:00, PT8H1M,  2026-06-02T08:01",
            "2026-06-01T08:00, PT40H,   2026-06-05T17:00",
            "2026-06-01T08:00, PT72H,   2026-06-11T17:00" }) // 72 / 8 = 9 days: Mon-Fri, then Mon-Thu
    void lunchBreakIsNotWorkingTime(LocalDateTime start, Duration businessTime, LocalDateTime due) {
        assertThat(LUNCH_BREAK.plus(berlin(start), businessTime)).isEqualTo(berlin(due));
    }

    /** Saturday is a working day here, so the yearly holiday on Saturday 2027-12-25 shows. */
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "2026-12-23T16:00, PT2H, 2026-12-28T09:00", // Thu 24 dated, Fri 25 and Sat 26 yearly, Sunday
            "2026-12-24T10:00, PT0S, 2026-12-28T08:00",
            "2027-12-24T16:00, PT2H, 2027-12-27T09:00", // the dated holiday was 2026 only; Sat 25 is yearly
            "2027-12-24T10:00, PT0S, 2027-12-24T10:00",
            "2027-12-25T10:00, PT0S, 2027-12-27T08:00" })
    void holidaysHaveNoWorkingTime(LocalDateTime start, Duration businessTime, LocalDateTime due) {
        assertThat(CHRISTMAS.plus(berlin(start), businessTime)).isEqualTo(berlin(due));
    }

    /** Sunday 2027-03-28 has 23 real hours: 02:00 CET jumps to 03:00 CEST (01:00 UTC). */
    @Test
    void springForwardSundayIsOneHourShort() {
        BusinessCalendar sundays = BusinessCalendar.parse("Sundays", "Europe/Berlin", "SUN 00:00-24:00", null);
        BusinessCalendar everyDay = BusinessCalendar.parse("Every day", "Europe/Berlin", "MON-SUN 00:00-24:00", null);
        Instant sundayMidnight = Instant.parse("2027-03-27T23:00:00Z");

        // 23 hours use up the day: Monday 00:00 CEST, the day's end
        assertThat(sundays.plus(sundayMidnight, Duration.ofHours(23))).isEqualTo("2027-03-28T22:00:00Z");
        // the 24th hour is the first of the next Sunday, which starts at 00:00 CEST
        assertThat(sundays.plus(sundayMidnight, Duration.ofHours(24))).isEqualTo("2027-04-03T23:00:00Z");
        // every day open: 24 real hours after Sunday 00:00 CET is Monday 01:00 CEST
        assertThat(everyDay.plus(sundayMidnight, Duration.ofHours(24))).isEqualTo("2027-03-28T23:00:00Z");
    }

    /** Sunday 2026-10-25 has 25 real hours: 03:00 CEST falls back to 02:00 CET (01:00 UTC). */
    @Test
    void fallBackSundayIsOneHourLong() {
        BusinessCalendar sundays = BusinessCalendar.parse("Sundays", "Europe/Berlin", "SUN 00:00-24:00", null);
        BusinessCalendar everyDay = BusinessCalendar.parse("Every day", "Europe/Berlin", "MON-SUN 00:00-24:00", null);
        Instant sundayMidnight = Instant.parse("2026-10-24T22:00:00Z");

        // 24 hours reach only Sunday 23:00 CET
        assertThat(sundays.plus(sundayMidnight, Duration.ofHours(24))).isEqualTo("2026-10-25T22:00:00Z");
        assertThat(sundays.plus(sundayMidnight, Duration.ofHours(25))).isEqualTo("2026-10-25T23:00:00Z");
        // the 26th hour is the first of Sunday 2026-11-01, 00:00 CET
        assertThat(sundays.plus(sundayMidnight, Duration.ofHours(26))).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(everyDay.plus(sundayMidnight, Duration.ofHours(24))).isEqualTo("2026-10-25T22:00:00Z");
    }

    @Test
    void nightShiftOverSpringForwardIsTwoRealHours() {
        BusinessCalendar nights = BusinessCalendar.parse("Nights", "Europe/Berlin", "SUN 01:00-04:00", null);
        Instant sundayMidnight = Instant.parse("2027-03-27T23:00:00Z");

        // 01:00 CET to 04:00 CEST; 02:00-03:00 never happens
        assertThat(nights.nextWorkingInstant(sundayMidnight)).isEqualTo("2027-03-28T00:00:00Z");
        assertThat(nights.plus(sundayMidnight, Duration.ofHours(2))).isEqualTo("2027-03-28T02:00:00Z");
        // the next Sunday's shift opens at 01:00 CEST
        assertThat(nights.plus(sundayMidnight, Duration.ofMinutes(121))).isEqualTo("2027-04-03T23:01:00Z");
    }

    @Test
    void nightShiftOverFallBackIsFourRealHours() {
        BusinessCalendar nights = BusinessCalendar.parse("Nights", "Europe/Berlin", "SUN 01:00-04:00", null);
        Instant sundayMidnight = Instant.parse("2026-10-24T22:00:00Z");

        // 01:00 CEST to 04:00 CET
        assertThat(nights.plus(sundayMidnight, Duration.ofHours(4))).isEqualTo("2026-10-25T03:00:00Z");
        // two hours in is the second 02:00, the one in CET
        assertThat(nights.plus(sundayMidnight, Duration.ofHours(2))).isEqualTo("2026-10-25T01:00:00Z");
    }

    @Test
    void timesInTheSpringGapMoveForwardAndRepeatedTimesTakeTheEarlierOffset() {
        BusinessCalendar gap = BusinessCalendar.parse("Gap", "Europe/Berlin", "SUN 02:30-05:00", null);
        BusinessCalendar overlap = BusinessCalendar.parse("Overlap", "Europe/Berlin", "SUN 02:30-03:00", null);

        // 02:30 does not exist on 2027-03-28 and becomes 03:30 CEST: 1.5 real hours to 05:00 CEST
        assertThat(gap.nextWorkingInstant(Instant.parse("2027-03-27T23:00:00Z"))).isEqualTo("2027-03-28T01:30:00Z");
        assertThat(gap.plus(Instant.parse("2027-03-27T23:00:00Z"), Duration.ofMinutes(90)))
            .isEqualTo("2027-03-28T03:00:00Z");
        assertThat(gap.plus(Instant.parse("2027-03-27T23:00:00Z"), Duration.ofMinutes(91)))
            .isEqualTo("2027-04-04T00:31:00Z");
        // 02:30 happens twice on 2026-10-25; the range opens at the first, 02:30 CEST, and ends at 03:00 CET
        assertThat(overlap.nextWorkingInstant(Instant.parse("2026-10-24T22:00:00Z")))
            .isEqualTo("2026-10-25T00:30:00Z");
        assertThat(overlap.plus(Instant.parse("2026-10-24T22:00:00Z"), Duration.ofMinutes(90)))
            .isEqualTo("2026-10-25T02:00:00Z");
    }

    @Test
    void rangesPushedOutOfTheSpringGapAreNeitherCountedTwiceNorNegative() {
        Instant sundayMidnight = Instant.parse("2027-03-27T23:00:00Z");
        // 02:10-02:20 becomes 03:10-03:20 CEST, inside the range 03:00-04:00 CEST
        BusinessCalendar inside = BusinessCalendar.parse("Inside", "Europe/Berlin", "SUN 02:10-02:20,03:00-04:00",
                null);
        // 02:30-03:00 would run from 03:30 CEST back to 03:00 CEST: that night it has no working time
        BusinessCalendar backwards = BusinessCalendar.parse("Backwards", "Europe/Berlin", "SUN 02:30-03:00,05:00-06:00",
                null);

        assertThat(inside.nextWorkingInstant(sundayMidnight)).isEqualTo("2027-03-28T01:00:00Z");
        assertThat(inside.plus(sundayMidnight, Duration.ofHours(1))).isEqualTo("2027-03-28T02:00:00Z");
        assertThat(backwards.nextWorkingInstant(sundayMidnight)).isEqualTo("2027-03-28T03:00:00Z");
        assertThat(backwards.plus(sundayMidnight, Duration.ofHours(1))).isEqualTo("2027-03-28T04:00:00Z");
    }

    /** Dhaka skipped 23:00-24:00 on Friday 2009-06-19 (+06 to +07), so Friday's 23:30 was Saturday 00:30. */
    @Test
    void aRangeThatAGapPushesPastMidnightStillCounts() {
        BusinessCalendar dhaka =
                BusinessCalendar.parse("Dhaka", "Asia/Dhaka", "FRI 22:00-23:30; SAT 06:00-07:00", null);
        Instant saturdayQuarterPastMidnight = Instant.parse("2009-06-19T17:15:00Z");

        assertThat(dhaka.nextWorkingInstant(saturdayQuarterPastMidnight)).isEqualTo(saturdayQuarterPastMidnight);
        assertThat(dhaka.plus(saturdayQuarterPastMidnight, Duration.ofMinutes(15))).isEqualTo("2009-06-19T17:30:00Z");
        assertThat(dhaka.plus(saturdayQuarterPastMidnight, Duration.ofMinutes(16))).isEqualTo("2009-06-19T23:01:00Z");
    }

    /**
     * Over two weeks around the fall-back Sunday, with breaks, a Saturday, a night shift and holidays: a due
     * date is working time, or the end of the range its last working moment belongs to; counting in two steps
     * gives the same due date as counting in one; business time never runs faster than real time.
     */
    @Test
    void dueDatesLandInWorkingTimeAndAddUp() {
        BusinessCalendar calendar = BusinessCalendar.parse("Mixed", "Europe/Berlin",
                "MON-FRI 08:00-12:00,13:00-17:00; SAT 09:00-13:00; SUN 01:00-04:00", "2026-10-28, --10-26");
        List<Duration> durations = List.of(Duration.ZERO, Duration.ofNanos(1), Duration.ofMinutes(1),
                Duration.ofMinutes(59), Duration.ofHours(1), Duration.ofMinutes(239), Duration.ofHours(4),
                Duration.ofHours(8), Duration.ofMinutes(27 * 60 + 30), Duration.ofHours(72));
        Instant first = Instant.parse("2026-10-19T00:00:00Z");
        Instant last = first.plus(Duration.ofDays(14));
        int checked = 0;

        for (Instant start = first; start.isBefore(last); start = start.plus(Duration.ofMinutes(37))) {
            for (Duration a : durations) {
                Instant due = calendar.plus(start, a);
                String context = start + " + " + a;
                assertThat(due).as(context).isAfterOrEqualTo(start.plus(a));
                if (a.isZero()) {
                    assertThat(calendar.nextWorkingInstant(due)).as(context).isEqualTo(due);
                } else {
                    Instant lastCounted = due.minusNanos(1);
                    assertThat(calendar.nextWorkingInstant(lastCounted)).as(context).isEqualTo(lastCounted);
                }
                for (Duration b : durations) {
                    if (!b.isZero()) {
                        assertThat(calendar.plus(due, b)).as(context + " + " + b)
                            .isEqualTo(calendar.plus(start, a.plus(b)));
                    }
                }
                checked++;
            }
        }

        assertThat(checked).isEqualTo(545 * durations.size());
    }

    @Test
    void countingZeroFromARangeEndMovesToTheNextOpeningSoTwoStepsWithZeroDoNotAddUp() {
        Instant noon = berlin(LocalDateTime.parse("2026-06-01T12:00"));
        Instant morning = berlin(LocalDateTime.parse("2026-06-01T08:00"));

        assertThat(LUNCH_BREAK.plus(morning, Duration.ofHours(4))).isEqualTo(noon);
        assertThat(LUNCH_BREAK.plus(noon, Duration.ZERO)).isEqualTo(noon.plus(Duration.ofHours(1)));
    }

    @Test
    void readsDaysCaseInsensitivelyWithListsWrappingRangesSpacesAndLineBreaks() {
        BusinessCalendar lowerCase =
                BusinessCalendar.parse("  Office  ", " ", " mon - fri  8:00 - 12:00 ,\n13:00-17:00 ;", "");
        BusinessCalendar wrapping = BusinessCalendar.parse("Weekend", "UTC", "SAT-MON 10:00-11:00", null);
        BusinessCalendar list = BusinessCalendar.parse("Mon and Wed", null, "MON,WED 09:00-10:00", null);
        Instant monday = Instant.parse("2026-06-01T09:00:00Z");
        Instant tuesday = Instant.parse("2026-06-02T00:00:00Z");

        assertThat(lowerCase.name()).isEqualTo("Office");
        // blank zone is UTC
        assertThat(lowerCase.plus(Instant.parse("2026-06-01T11:00:00Z"), Duration.ofHours(2)))
            .isEqualTo("2026-06-01T14:00:00Z");
        assertThat(wrapping.plus(tuesday, Duration.ofHours(1))).isEqualTo("2026-06-06T11:00:00Z");
        assertThat(wrapping.plus(tuesday, Duration.ofHours(3))).isEqualTo("2026-06-08T11:00:00Z");
        assertThat(list.plus(monday, Duration.ofHours(1))).isEqualTo("2026-06-01T10:00:00Z");
        assertThat(list.plus(monday, Duration.ofHours(2))).isEqualTo("2026-06-03T10:00:00Z");
    }

    @Test
    void mergesClausesThatNameTheSameDayAndReadsMidnightAsTheDaysEnd() {
        BusinessCalendar split = BusinessCalendar.parse("Split", "UTC", "MON 08:00-12:00; MON 13:00-17:00", null);
        BusinessCalendar lateShift = BusinessCalendar.parse("Late", "UTC", "FRI 22:00-24:00; SAT 00:00-02:00", null);
        Instant fridayLate = Instant.parse("2026-06-05T22:00:00Z");

        assertThat(split.plus(Instant.parse("2026-06-01T11:00:00Z"), Duration.ofHours(2)))
            .isEqualTo("2026-06-01T14:00:00Z");
        assertThat(lateShift.plus(fridayLate, Duration.ofHours(2))).isEqualTo("2026-06-06T00:00:00Z");
        assertThat(lateShift.plus(fridayLate, Duration.ofHours(3))).isEqualTo("2026-06-06T01:00:00Z");
    }

    @ParameterizedTest(name = "[{0}] zone [{1}] holidays [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            MON-FRX 08:00-17:00              | Europe/Berlin |             | unknown day "FRX" in "MON-FRX 08:00-17:00"
            MONDAY 08:00-17:00               |               |             | unknown day "MONDAY"
            MON,,WED 08:00-17:00             |               |             | unknown day ""
            MON-WED-FRI 08:00-17:00          |               |             | days "MON-WED-FRI"
            MON 17:00-08:00                  |               |             | in "MON 17:00-08:00" must end after
            MON 08:00-12:00,11:00-13:00      |               |             | on MON overlap: 08:00-12:00 and 11:00-13:00
            MON 08:00-12:00; MON 11:00-13:00 |               |             | on MON overlap: 08:00-12:00 and 11:00-13:00
            MON 08:00-24:01                  |               |             | "08:00-24:01" in "MON 08:00-24:01" is not
            MON 24:00-24:00                  |               |             | "24:00-24:00"
            MON 08:60-09:00                  |               |             | "08:60-09:00"
            MON 8-17                         |               |             | "8-17"
            MON 08:00-12:00,,13:00-17:00     |               |             | time range ""
            MON-FRI                          |               |             | "MON-FRI" is not days and times
            08:00-17:00                      |               |             | "08:00-17:00" is not days and times
            ''                               |               |             | no working hours
                                             |               |             | no working hours
            ' ; '                            |               |             | no working hours
            MON 08:00-17:00                  | Mars/Base     |             | unknown time zone "Mars/Base"
            MON 08:00-17:00                  |               | 2026-13-01  | holiday "2026-13-01"
            MON 08:00-17:00                  |               | --02-30     | holiday "--02-30"
            MON 08:00-17:00                  |               | 25.12.2026  | holiday "25.12.2026"
            """)
    void rejectsWhatItCannotRead(String workingHours, String timeZone, String holidays, String problem) {
        assertThatThrownBy(() -> BusinessCalendar.parse("Office", timeZone, workingHours, holidays))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("business calendar \"Office\": ")
            .hasMessageContaining(problem);
    }

    @Test
    void rejectsAMissingNameAndNegativeBusinessTime() {
        assertThatThrownBy(() -> BusinessCalendar.parse(" ", "UTC", "MON 08:00-17:00", null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("a business calendar needs a name");
        assertThatThrownBy(() -> OFFICE.plus(Instant.parse("2026-06-01T08:00:00Z"), Duration.ofMinutes(-1)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("must not be negative");
    }

    @Test
    void givesUpWhenHolidaysCoverEveryDay() {
        String everyDayOfTheYear = IntStream.range(0, 366)
            .mapToObj(day -> MonthDay.from(LocalDate.of(2028, 1, 1).plusDays(day)).toString())
            .collect(Collectors.joining(","));
        BusinessCalendar closed = BusinessCalendar.parse("Closed", "UTC", "MON-FRI 08:00-17:00", everyDayOfTheYear);

        assertThatThrownBy(() -> closed.plus(Instant.parse("2026-06-01T08:00:00Z"), Duration.ofHours(1)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("\"Closed\" has no working time in the 3660 days after 2026-06-01T08:00:00Z");
    }

    private static Instant berlin(LocalDateTime localTime) {
        return localTime.atZone(BERLIN).toInstant();
    }
}
