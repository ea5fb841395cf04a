package io.worklane.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * One item arriving in the simulation.
 *
 * @param handleQuantile where in its handle-time distribution the item lies (drawn once, the same in every run)
 * @param handleSeconds the recorded handle time, when the arrival is a recorded one that was handled
 */
record Arrival(Instant at, String externalId, Map<String, Object> item, double handleQuantile, Double handleSeconds) {

    /** The scenario's arrivals in time order: the recorded ones, then those the profile draws. */
    static List<Arrival> of(Scenario scenario, RandomStreams random) {
        List<Arrival> arrivals = new ArrayList<>();
        List<Scenario.RecordedArrival> recorded = scenario.arrivals().recorded().stream()
            .sorted(Comparator.comparing(Scenario.RecordedArrival::at))
            .toList();
        for (Scenario.RecordedArrival arrival : recorded) {
            if (arrival.at().isBefore(scenario.start()) || !arrival.at().isBefore(scenario.end())) {
                continue;
            }
            arrivals.add(new Arrival(arrival.at(), "sim-" + (arrivals.size() + 1), arrival.item(),
                    random.handleTimes().nextDouble(), arrival.handleSeconds()));
        }
        for (Scenario.ArrivalRate rate : scenario.arrivals().profile()) {
            drawn(scenario, rate, random.arrivals()).forEach(at -> arrivals
                .add(new Arrival(at, "sim-" + (arrivals.size() + 1), rate.item(), random.handleTimes().nextDouble(),
                        null)));
        }
        arrivals.sort(Comparator.comparing(Arrival::at).thenComparing(Arrival::externalId));
        return arrivals;
    }

    /** A Poisson process whose rate is constant within each hour. */
    private static List<Instant> drawn(Scenario scenario, Scenario.ArrivalRate rate, RandomGenerator random) {
        List<Instant> times = new ArrayList<>();
        long hours = (scenario.length().toSeconds() + 3599) / 3600;
        for (int hour = 0; hour < hours; hour++) {
            double perSecond = rate.rateAt(hour) / 3600;
            if (perSecond <= 0) {
                continue;
            }
            Instant hourStart = scenario.start().plus(Duration.ofHours(hour));
            Instant hourEnd = hourStart.plus(Duration.ofHours(1));
            if (hourEnd.isAfter(scenario.end())) {
                hourEnd = scenario.end();
            }
            double offset = 0;
            while (true) {
                offset += -Math.log(1 - random.nextDouble()) / perSecond;
                Instant at = hourStart.plusNanos((long) (offset * 1e9));
                if (!at.isBefore(hourEnd)) {
                    break;
                }
                times.add(at);
            }
        }
        return times;
    }
}
