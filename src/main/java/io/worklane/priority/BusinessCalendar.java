package io.worklane.priority;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Working hours and holidays of one time zone, so that "72 business hours" becomes a due instant
 * inside working time. Written as text because a process owner types it into a DMN cell:
 * working hours {@code "MON-FRI 08:00-12:00,13:00-17:00; SAT 09:00-13:00"}, holidays
 * {@code "2026-12-24, --12-25"} (a date, or a month-day that recurs every year).
 * Business time is real elapsed time, so a range that spans a DST change is an hour shorter or longer.
 */
final class BusinessCalendar {

    /** Ten years without any working time means the holidays swallow every working day. */
    private static final int MAX_DAYS_WITHOUT_WORKING_TIME = 3660;

    private static final int END_OF_DAY = 24 * 60;

    /** Days up to the first digit, then the time ranges: "MON-FRI 08:00-12:00,13:00-17:00". */
    private static final Pattern CLAUSE = Pattern.compile("([^0-9]*[A-Za-z][^0-9]*?)\\s*([0-9].*)", Pattern.DOTALL);

    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

    private static final BusinessCalendar ALWAYS = parse("24x7", "UTC", "MON-SUN 00:00-24:00", null);

    private final String name;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<Opening>> week;
    private final Set<LocalDate> datedHolidays;
    private final Set<MonthDay> yearlyHolidays;
    /** Every instant is working time, so business time is plain time in any zone. */
    private final boolean alwaysOpen;

    private BusinessCalendar(String name, ZoneId zone, Map<DayOfWeek, List<Opening>> week,
            Set<LocalDate> datedHolidays, Set<MonthDay> yearlyHolidays) {
        this.name = name;
        this.zone = zone;
        this.week = Map.copyOf(week);
        this.datedHolidays = Set.copyOf(datedHolidays);
        this.yearlyHolidays = Set.copyOf(yearlyHolidays);
        this.alwaysOpen = datedHolidays.isEmpty() && yearlyHolidays.isEmpty() && week.size() == 7
                && week.values().stream().allMatch(List.of(new Opening(0, END_OF_DAY))::equals);
    }

    /** Every day around the clock in UTC: business time is plain time. */
    static BusinessCalendar always() {
        return ALWAYS;
    }

    /** @throws IllegalArgumentException naming the calendar and the part that cannot be read */
    static BusinessCalendar parse(String name, String timeZone, String workingHours, String holidays) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a business calendar needs a name");
        }
        String calendar = name.strip();
        ZoneId zone;
        try {
            zone = timeZone == null || timeZone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw invalid(calendar, "unknown time zone \"" + timeZone.strip() + "\"; use an id like Europe/Berlin");
        }
        Map<DayOfWeek, List<Opening>> week = new EnumMap<>(DayOfWeek.class);
        for (String clause : (workingHours == null ? "" : workingHours).split(";")) {
            if (!clause.isBlank()) {
                parseClause(calendar, clause.strip(), week);
            }
        }
        if (week.isEmpty()) {
            throw invalid(calendar, "no working hours; write them like \"MON-FRI 08:00-17:00\"");
        }
        for (Map.Entry<DayOfWeek, List<Opening>> day : week.entrySet()) {
            List<Opening> openings = day.getValue();
            openings.sort(Comparator.comparingInt(Opening::start));
            for (int i = 1; i < openings.size(); i++) {
                if (openings.get(i).start() < openings.get(i - 1).end()) {
                    throw invalid(calendar, "working hours on " + shortName(day.getKey()) + " overlap: "
                            + openings.get(i - 1) + " and " + openings.get(i));
                }
            }
            day.setValue(List.copyOf(openings));
        }
        Set<LocalDate> dated = new HashSet<>();
        Set<MonthDay> yearly = new HashSet<>();
        for (String entry : (holidays == null ? "" : holidays).split(",")) {
            String holiday = entry.strip();
            try {
                if (holiday.startsWith("--")) {
                    yearly.add(MonthDay.parse(holiday));
                } else if (!holiday.isEmpty()) {
                    dated.add(LocalDate.parse(holiday));
                }
            } catch (DateTimeException e) {
                throw invalid(calendar, "holiday \"" + holiday
                        + "\" is neither a date like 2026-12-25 nor a yearly day like --12-25");
            }
        }
        return new BusinessCalendar(calendar, zone, week, dated, yearly);
    }

    String name() {
        return name;
    }

    /**
     * The instant at which {@code businessTime} of working time has passed since {@code start}; counting
     * begins at the next opening when {@code start} lies outside working time. A result that uses up a
     * range exactly is that range's end, the last working moment, not the next opening.
     */
    Instant plus(Instant start, Duration businessTime) {
        Objects.requireNonNull(start, "start");
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("business time must not be negative: " + businessTime);
        }
        if (alwaysOpen) {
            return start.plus(businessTime);
        }
        Duration remaining = businessTime;
        Instant cursor = start;
        // A day earlier, in case a DST change at midnight lets yesterday's last range reach past start.
        LocalDate date = LocalDate.ofInstant(start, zone).minusDays(1);
        int daysWithoutWorkingTime = 0;
        while (daysWithoutWorkingTime < MAX_DAYS_WITHOUT_WORKING_TIME) {
            boolean worked = false;
            for (Interval interval : intervalsOn(date)) {
                if (!interval.end().isAfter(cursor)) {
                    continue;
                }
                // Clamped, not taken whole: ranges shifted out of a DST gap may overlap in real time.
                Instant from = interval.start().isAfter(cursor) ? interval.start() : cursor;
                Duration available = Duration.between(from, interval.end());
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
                cursor = interval.end();
                worked = true;
            }
            daysWithoutWorkingTime = worked ? 0 : daysWithoutWorkingTime + 1;
            date = date.plusDays(1);
        }
        throw new IllegalStateException("business calendar \"" + name + "\" has no working time in the "
                + MAX_DAYS_WITHOUT_WORKING_TIME + " days after " + cursor
                + "; do its holidays cover every working day?");
    }

    /**
     * {@code t} itself when it lies in working time (a range's start included, its end not),
     * else the next opening.
     */
    Instant nextWorkingInstant(Instant t) {
        return plus(t, Duration.ZERO);
    }

    @Override
    public String toString() {
        return name + " (" + zone + ")";
    }

    /** The day's ranges as real instants, sorted by start; a range squeezed to nothing by DST is dropped. */
    private List<Interval> intervalsOn(LocalDate date) {
        if (datedHolidays.contains(date) || yearlyHolidays.contains(MonthDay.from(date))) {
            return List.of();
        }
        List<Interval> intervals = new ArrayList<>();
        for (Opening opening : week.getOrDefault(date.getDayOfWeek(), List.of())) {
            Instant start = instantAt(date, opening.start());
            Instant end = instantAt(date, opening.end());
            if (end.isAfter(start)) {
                intervals.add(new Interval(start, end));
            }
        }
        intervals.sort(Comparator.comparing(Interval::start));
        return intervals;
    }

    /** ZonedDateTime.of moves a time in a DST gap forward and takes the earlier offset in an overlap. */
    private Instant instantAt(LocalDate date, int minuteOfDay) {
        if (minuteOfDay == END_OF_DAY) {
            return ZonedDateTime.of(date.plusDays(1), LocalTime.MIDNIGHT, zone).toInstant();
        }
        return ZonedDateTime.of(date, LocalTime.of(minuteOfDay / 60, minuteOfDay % 60), zone).toInstant();
    }

    private static void parseClause(String calendar, String clause, Map<DayOfWeek, List<Opening>> week) {
        Matcher parts = CLAUSE.matcher(clause);
        if (!parts.matches()) {
            throw invalid(calendar, "\"" + clause + "\" is not days and times like \"MON-FRI 08:00-17:00\"");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String token : parts.group(1).split(",", -1)) {
            String[] bounds = token.split("-", -1);
            if (bounds.length > 2) {
                throw invalid(calendar, "days \"" + token.strip() + "\" in \"" + clause + "\" are not like MON-FRI");
            }
            DayOfWeek day = day(calendar, bounds[0], clause);
            DayOfWeek to = day(calendar, bounds[bounds.length - 1], clause);
            // Ranges may wrap past Sunday: SAT-MON is Saturday, Sunday and Monday.
            days.add(day);
            while (day != to) {
                day = day.plus(1);
                days.add(day);
            }
        }
        List<Opening> openings = new ArrayList<>();
        for (String text : parts.group(2).split(",", -1)) {
            String range = text.strip();
            Matcher times = RANGE.matcher(range);
            boolean looksLikeRange = times.matches();
            int start = looksLikeRange ? minuteOfDay(times.group(1), times.group(2)) : -1;
            int end = looksLikeRange ? minuteOfDay(times.group(3), times.group(4)) : -1;
            if (start < 0 || start == END_OF_DAY || end < 0) {
                throw invalid(calendar, "time range \"" + range + "\" in \"" + clause
                        + "\" is not two times of day like 08:00-17:00");
            }
            if (end <= start) {
                throw invalid(calendar, "time range \"" + range + "\" in \"" + clause + "\" must end after it starts");
            }
            openings.add(new Opening(start, end));
        }
        days.forEach(day -> week.computeIfAbsent(day, d -> new ArrayList<>()).addAll(openings));
    }

    private static DayOfWeek day(String calendar, String token, String clause) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (shortName(day).equalsIgnoreCase(token.strip())) {
                return day;
            }
        }
        throw invalid(calendar, "unknown day \"" + token.strip() + "\" in \"" + clause
                + "\"; use MON, TUE, WED, THU, FRI, SAT or SUN");
    }

    /** Minutes since midnight, 24:00 included as the end of the day, or -1 for no time of day. */
    private static int minuteOfDay(String hours, String minutes) {
        int hour = Integer.parseInt(hours);
        int minute = Integer.parseInt(minutes);
        if (hour == 24 && minute == 0) {
            return END_OF_DAY;
        }
        return hour < 24 && minute < 60 ? hour * 60 + minute : -1;
    }

    private static String shortName(DayOfWeek day) {
        return day.name().substring(0, 3);
    }

    private static IllegalArgumentException invalid(String calendar, String problem) {
        return new IllegalArgumentException("business calendar \"" + calendar + "\": " + problem);
    }

    /** A working range of a weekday in minutes since local midnight, end exclusive, 1440 for 24:00. */
    private record Opening(int start, int end) {

        @Override
        public String toString() {
            return String.format("%02d:%02d-%02d:%02d", start / 60, start % 60, end / 60, end % 60);
        }
    }

    private record Interval(Instant start, Instant end) {
    }
}
