package io.worklane.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the simulated day saw happen, item by item and agent by agent; {@link RunFigures} reads it. */
final class DayLog {

    /** One captured item. Times are virtual. */
    static final class Item {
        final String id;
        final Instant arrivedAt;
        Instant firstOfferAt;
        Instant handlingSince;
        Instant doneAt;
        String doneBy;
        double handleSeconds;

        Item(String id, Instant arrivedAt) {
            this.id = id;
            this.arrivedAt = arrivedAt;
        }

        /** Time in the queue: from arrival to the first offer (null while never offered). */
        Double waitSeconds() {
            return firstOfferAt == null ? null : Duration.between(arrivedAt, firstOfferAt).toNanos() / 1e9;
        }
    }

    /** One agent's logged-in time and work. */
    static final class AgentDay {
        final String id;
        final Instant shiftStart;
        final Instant shiftEnd;
        int itemsDone;
        double handleSeconds;

        AgentDay(String id, Instant shiftStart, Instant shiftEnd) {
            this.id = id;
            this.shiftStart = shiftStart;
            this.shiftEnd = shiftEnd;
        }

        /** Logged in from the shift's start to its end, or to the end of the run. */
        double loggedInSeconds(Instant runEnd) {
            Instant until = shiftEnd == null || shiftEnd.isAfter(runEnd) ? runEnd : shiftEnd;
            return Math.max(0, Duration.between(shiftStart, until).toNanos() / 1e9);
        }
    }

    /** The backlog at one moment: waiting in the queue (or scheduled), and with agents (offered or in handling). */
    record BacklogPoint(Instant at, long queued, long withAgents) {
    }

    final Map<String, Item> items = new LinkedHashMap<>();
    final Map<String, AgentDay> agents = new LinkedHashMap<>();
    final List<BacklogPoint> backlog = new ArrayList<>();
    final Map<String, Integer> refusedCaptures = new LinkedHashMap<>();
    /** When the day started. */
    Instant start;
    /** When the day ended: the scenario's end, or when the last item was done (drain). */
    Instant end;
    int refusedAgentActions;
    int failedJobs;
    int missedOffers;
}
