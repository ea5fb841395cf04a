package io.worklane.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One simulated period: when it starts and how long arrivals come, who works, how long handling takes.
 *
 * @param start the virtual clock's start
 * @param length how long arrivals come and shifts may run (8 hours when absent)
 * @param seed the random streams' seed: the same seed gives two runs the same arrivals and handle times
 * @param drain keep the clock running after {@code length} until every item is done
 * @param arrivals a recorded period or a profile
 * @param handleTimes the first entry that matches an item's department and request type gives its handle time
 * @param roster the agents
 * @param answering how agents in answer mode MANUAL answer their offers
 * @param models file name (e.g. {@code priority-schema.dmn}) to content, deployed over the application's own
 *        {@code processes/} and {@code decisions/}: the deployed set or a candidate one
 */
public record Scenario(Instant start, Duration length, Long seed, Boolean drain, Arrivals arrivals,
        List<HandleTime> handleTimes, List<RosterAgent> roster, Answering answering, Map<String, String> models) {

    static final Duration DEFAULT_LENGTH = Duration.ofHours(8);

    public Scenario {
        if (start == null) {
            throw new IllegalArgumentException("a scenario needs a start (an ISO-8601 instant)");
        }
        length = length == null ? DEFAULT_LENGTH : length;
        seed = seed == null ? 1L : seed;
        drain = drain != null && drain;
        arrivals = arrivals == null ? new Arrivals(null, null) : arrivals;
        handleTimes = handleTimes == null ? List.of() : List.copyOf(handleTimes);
        roster = roster == null ? List.of() : List.copyOf(roster);
        answering = answering == null ? Answering.DEFAULT : answering;
        models = models == null ? Map.of() : Map.copyOf(models);
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a scenario's length is above zero");
        }
        models.keySet().forEach(Scenario::requireModelName);
    }

    /** As Camunda's deployers read a model: by its name's ending. */
    static void requireModelName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,100}") || !(name.endsWith(".dmn") || name.endsWith(".bpmn"))) {
            throw new IllegalArgumentException("a model's file name is up to 100 letters, digits, '.', '_', '-' "
                    + "and ends in .dmn or .bpmn: " + name);
        }
    }

    /** A count or rate that is a number, not negative and not above {@code max}. */
    static double requireBetween(String what, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(what + " is between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /** A duration that is not negative (null stays null). */
    static Duration requireNotNegative(String what, Duration value) {
        if (value != null && value.isNegative()) {
            throw new IllegalArgumentException(what + " is not negative");
        }
        return value;
    }

    Instant end() {
        return start.plus(length);
    }

    Scenario withModels(Map<String, String> replaced) {
        return new Scenario(start, length, seed, drain, arrivals, handleTimes, roster, answering, replaced);
    }

    Scenario withRoster(List<RosterAgent> replaced) {
        return new Scenario(start, length, seed, drain, arrivals, handleTimes, replaced, answering, models);
    }

    /**
     * Where the items come from: a recorded period, or a profile of rates (Poisson arrivals).
     *
     * @param recorded items as they arrived, in any order
     * @param profile rates per kind of item
     */
    public record Arrivals(List<RecordedArrival> recorded, List<ArrivalRate> profile) {

        public Arrivals {
            recorded = recorded == null ? List.of() : List.copyOf(recorded);
            profile = profile == null ? List.of() : List.copyOf(profile);
        }
    }

    /**
     * An item that arrived at {@code at}.
     *
     * @param item its capture attributes, as {@code POST /api/work-items} takes them (no external id)
     * @param handleSeconds how long it was handled, when it was: it is handled as long again
     */
    public record RecordedArrival(Instant at, Map<String, Object> item, Double handleSeconds) {

        public RecordedArrival {
            if (at == null || item == null) {
                throw new IllegalArgumentException("a recorded arrival has a time (at) and an item");
            }
            if (handleSeconds != null) {
                requireBetween("a recorded handleSeconds", handleSeconds, 0, 3e7);
            }
        }
    }

    /**
     * Items of one kind arrive at random (Poisson) at {@code perHour}, or at {@code hourly.get(h)} in hour h from
     * the start (the last entry for the hours after).
     *
     * @param item the capture attributes of each (department, customerSegment, requestType, mediaType, ...)
     */
    public record ArrivalRate(Map<String, Object> item, Double perHour, List<Double> hourly) {

        /** Arrivals per hour of one kind, at most. */
        static final double MAX_PER_HOUR = 100_000;

        public ArrivalRate {
            if (item == null) {
                throw new IllegalArgumentException("an arrival rate names its item's attributes (item)");
            }
            if (perHour != null) {
                requireBetween("perHour", perHour, 0, MAX_PER_HOUR);
            }
            hourly = hourly == null ? null : List.copyOf(hourly);
            if (hourly != null) {
                if (hourly.size() > 24 * 7) {
                    throw new IllegalArgumentException("hourly has at most one rate per hour of a week");
                }
                hourly.forEach(rate -> requireBetween("an hourly rate", rate == null ? -1 : rate, 0, MAX_PER_HOUR));
            }
        }

        double rateAt(int hour) {
            if (hourly != null && !hourly.isEmpty()) {
                return hourly.get(Math.min(hour, hourly.size() - 1));
            }
            return perHour == null ? 0 : perHour;
        }
    }

    /**
     * Handle times of the items of a department and request type (null: any).
     */
    public record HandleTime(String department, String requestType, Distribution distribution) {

        boolean matches(String itemDepartment, String itemRequestType) {
            return (department == null || department.equals(itemDepartment))
                    && (requestType == null || requestType.equals(itemRequestType));
        }
    }

    /**
     * How agents in answer mode MANUAL answer.
     *
     * @param meanSeconds mean time to accept (exponential)
     * @param missRate the share of offers left unanswered (RONA)
     * @param readyAgainAfter how long after a RONA the agent is READY again
     */
    public record Answering(Double meanSeconds, Double missRate, Duration readyAgainAfter) {

        static final Answering DEFAULT = new Answering(10.0, 0.0, Duration.ofMinutes(2));

        public Answering {
            meanSeconds = requireBetween("answering.meanSeconds", meanSeconds == null ? 10.0 : meanSeconds, 0, 86_400);
            missRate = requireBetween("answering.missRate", missRate == null ? 0.0 : missRate, 0, 1);
            readyAgainAfter = requireNotNegative("answering.readyAgainAfter",
                    readyAgainAfter == null ? Duration.ofMinutes(2) : readyAgainAfter);
        }
    }
}
