package io.worklane.priority;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A priority schema within a segment's min and max: the priority of an item as a pure function of its
 * {@link Timeline} and the current time. Before the due date the curve steps from its initial priority by the
 * increment at each step interval, plus whatever boost windows are open, clamped to min and max; from the due
 * date on it is the overdue priority.
 */
final class PriorityCurve {

    private final PrioritySchema schema;
    private final int min;
    private final int max;
    private final int initial;

    PriorityCurve(PrioritySchema schema, int min, int max) {
        this(schema, min, max, schema.initialPriority() != null ? schema.initialPriority() : min);
    }

    private PriorityCurve(PrioritySchema schema, int min, int max, int initial) {
        this.schema = schema;
        this.min = min;
        this.max = max;
        this.initial = initial;
    }

    /** The same curve starting from the priority a source system sent, when it sent one. */
    PriorityCurve startingFrom(Integer sourcePriority) {
        return sourcePriority == null ? this : new PriorityCurve(schema, min, max, sourcePriority);
    }

    int priorityAt(Timeline timeline, Instant now) {
        if (timeline.isOverdueAt(now)) {
            return clamp(schema.overduePriority() != null ? schema.overduePriority() : max);
        }
        long boosts = schema.boostWindows()
            .stream()
            .filter(window -> window.isOpen(timeline, now))
            .mapToLong(BoostWindow::boost)
            .sum();
        return clamp(stepValue(timeline, stepsPassed(timeline, now)) + boosts);
    }

    /**
     * The next instant after {@code now}, and before the due date, at which the priority may change: a step,
     * or a boost window opening or closing. Empty when nothing changes before the due date.
     */
    Optional<Instant> nextChangeAfter(Timeline timeline, Instant now) {
        Stream<Instant> step = nextStepAfter(timeline, now).stream();
        Stream<Instant> windowEdges = schema.boostWindows()
            .stream()
            .flatMap(window -> Stream.of(window.opensAt(timeline), window.closesAt(timeline)));
        return Stream.concat(step, windowEdges)
            .filter(instant -> instant != null && instant.isAfter(now))
            .filter(instant -> timeline.dueAt() == null || instant.isBefore(timeline.dueAt()))
            .min(Instant::compareTo);
    }

    private Optional<Instant> nextStepAfter(Timeline timeline, Instant now) {
        long passed = stepsPassed(timeline, now);
        if (!stepsStillMatter(timeline, passed)) {
            return Optional.empty();
        }
        return Optional.of(stepBoundary(timeline.startAt(), passed + 1));
    }

    /** Whether a further step can change the stepped value (boost windows aside). */
    private boolean stepsStillMatter(Timeline timeline, long passed) {
        Integer increment = schema.increment();
        if (increment == null) {
            return passed < stepsBeforeDue(timeline);
        }
        long value = stepValue(timeline, passed);
        return increment > 0 ? value < max : increment < 0 && value > min;
    }

    private long stepValue(Timeline timeline, long steps) {
        if (schema.increment() != null) {
            return initial + steps * schema.increment();
        }
        long stepsBeforeDue = stepsBeforeDue(timeline);
        if (stepsBeforeDue == 0) {
            return initial;
        }
        int target = schema.priorityAtDue() != null ? schema.priorityAtDue() : max;
        return initial + (target - initial) * Math.min(steps, stepsBeforeDue) / stepsBeforeDue;
    }

    /** Steps whose boundary lies after the start and strictly before the due date; 0 without a due date. */
    private long stepsBeforeDue(Timeline timeline) {
        if (timeline.dueAt() == null || !timeline.dueAt().isAfter(timeline.startAt())) {
            return 0;
        }
        long count = stepsPassed(timeline, timeline.dueAt());
        boolean lastOnDue = count > 0 && stepBoundary(timeline.startAt(), count).equals(timeline.dueAt());
        return lastOnDue ? count - 1 : count;
    }

    /** How many step boundaries lie in (start, now]. */
    private long stepsPassed(Timeline timeline, Instant now) {
        Duration elapsed = Duration.between(timeline.startAt(), now);
        if (elapsed.isNegative() || elapsed.isZero()) {
            return 0;
        }
        List<Duration> steps = schema.stepIntervals();
        long passed = 0;
        for (int i = 0; i < steps.size() - 1; i++) {
            if (elapsed.compareTo(steps.get(i)) < 0) {
                return passed;
            }
            elapsed = elapsed.minus(steps.get(i));
            passed++;
        }
        return passed + elapsed.dividedBy(steps.get(steps.size() - 1));
    }

    /** The instant of the n-th step boundary (n >= 1). */
    private Instant stepBoundary(Instant start, long n) {
        List<Duration> steps = schema.stepIntervals();
        Instant boundary = start;
        int explicit = (int) Math.min(n, steps.size() - 1);
        for (int i = 0; i < explicit; i++) {
            boundary = boundary.plus(steps.get(i));
        }
        return boundary.plus(steps.get(steps.size() - 1).multipliedBy(n - explicit));
    }

    private int clamp(long value) {
        return (int) Math.max(min, Math.min(max, value));
    }
}
