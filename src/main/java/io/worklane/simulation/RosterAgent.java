package io.worklane.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.worklane.agent.AnswerMode;

/**
 * A simulated agent, or {@code copies} alike ({@code id-1}, {@code id-2}, ...). Times are offsets from the
 * scenario's start.
 *
 * @param capacity items at once per media type ({@code workitem: 1} when absent)
 * @param answerMode AUTO or MANUAL; null: as the routing configuration says for the item's department
 * @param shiftStart READY from (the start when absent)
 * @param shiftEnd logged out from (never when absent)
 * @param breaks planned NOT_READY periods
 * @param pauses unplanned NOT_READY periods
 */
public record RosterAgent(String id, Integer copies, Map<String, Integer> skills, List<String> groups,
        Map<String, Integer> capacity, AnswerMode answerMode, Duration shiftStart, Duration shiftEnd,
        List<Break> breaks, Pauses pauses) {

    public RosterAgent {
        if (id == null || !id.matches("[a-zA-Z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a roster agent needs an id of letters, digits, '_' and '-'");
        }
        copies = copies == null ? 1 : copies;
        if (copies < 1 || copies > 10_000) {
            throw new IllegalArgumentException("copies must be between 1 and 10000");
        }
        skills = skills == null ? Map.of() : Map.copyOf(skills);
        groups = groups == null ? List.of() : List.copyOf(groups);
        capacity = capacity == null || capacity.isEmpty() ? Map.of("workitem", 1) : Map.copyOf(capacity);
        shiftStart = Scenario.requireNotNegative("shiftStart", shiftStart == null ? Duration.ZERO : shiftStart);
        Scenario.requireNotNegative("shiftEnd", shiftEnd);
        breaks = breaks == null ? List.of() : List.copyOf(breaks);
        if (breaks.size() > 100) {
            throw new IllegalArgumentException("an agent has at most 100 breaks");
        }
    }

    /**
     * NOT_READY with {@code reason} from {@code from} for {@code length}. A reason the application does not know
     * stands for its first configured one.
     */
    public record Break(String reason, Duration from, Duration length) {

        public Break {
            if (from == null || length == null) {
                throw new IllegalArgumentException("a break has a start (from) and a length");
            }
            Scenario.requireNotNegative("a break's from", from);
            Scenario.requireNotNegative("a break's length", length);
        }
    }

    /** Random NOT_READY periods while on shift: {@code perHour} on average, each {@code meanMinutes} long. */
    public record Pauses(String reason, double perHour, double meanMinutes) {

        public Pauses {
            Scenario.requireBetween("pauses.perHour", perHour, 0, 12);
            Scenario.requireBetween("pauses.meanMinutes", meanMinutes, 0.1, 480);
        }
    }

    /** Each copy as its own agent. */
    List<RosterAgent> expanded() {
        if (copies == 1) {
            return List.of(this);
        }
        List<RosterAgent> agents = new ArrayList<>();
        for (int i = 1; i <= copies; i++) {
            agents.add(new RosterAgent(id + "-" + i, 1, skills, groups, capacity, answerMode, shiftStart, shiftEnd,
                    breaks, pauses));
        }
        return agents;
    }
}
