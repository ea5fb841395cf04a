package io.worklane.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.worklane.doors.ModelReview;
import io.worklane.security.Caller;
import io.worklane.security.WorklaneGroups;
import io.worklane.web.Problems;

/**
 * From a simulation order to the runs it asks for: the recorded period or the scenario, with the deployed models as
 * "current" and the candidate's files or roster; refused when it is too large or its files hold code.
 */
@Component
class SimulationOrders {

    /** A recorded period or scenario may span at most a week. */
    static final Duration MAX_LENGTH = Duration.ofDays(7);
    static final int MAX_AGENTS = 5_000;

    private final RecordedDay recordedDay;
    private final DeployedModels deployedModels;
    private final ModelReview modelReview;

    SimulationOrders(RecordedDay recordedDay, DeployedModels deployedModels, ModelReview modelReview) {
        this.recordedDay = recordedDay;
        this.deployedModels = deployedModels;
        this.modelReview = modelReview;
    }

    SimulationRequest requestOf(SimulationOrder order, Caller caller) {
        boolean period = order.from() != null || order.to() != null;
        if (period == (order.scenario() != null)) {
            throw Problems.invalid("Give a recorded period (from and to) or a scenario, not both and not neither.");
        }
        requireModelsOnly(order, caller);
        long seed = order.seed() == null ? 1 : order.seed();
        Scenario scenario;
        if (period) {
            if (order.from() == null || order.to() == null || !order.from().isBefore(order.to())) {
                throw Problems.invalid("A recorded period needs from before to.");
            }
            requireLength(Duration.between(order.from(), order.to()));
            scenario = recordedDay.of(order.from(), order.to(), seed);
            if (scenario.arrivals().recorded().isEmpty()) {
                throw Problems.exception(HttpStatus.UNPROCESSABLE_ENTITY, "nothing-recorded", "Nothing recorded",
                        "No item was captured between " + order.from() + " and " + order.to() + ".", Map.of());
            }
        }
        else {
            scenario = order.scenario();
            requireLength(scenario.length());
            if (order.seed() != null) {
                scenario = new Scenario(scenario.start(), scenario.length(), seed, scenario.drain(),
                        scenario.arrivals(), scenario.handleTimes(), scenario.roster(), scenario.answering(),
                        scenario.models());
            }
        }
        Map<String, String> current = new LinkedHashMap<>(deployedModels.differingFromTheApplication());
        current.putAll(scenario.models());
        scenario = scenario.withModels(current);
        if (expectedArrivals(scenario) > RecordedDay.MAX_ITEMS) {
            throw Problems.invalid("The scenario brings about " + expectedArrivals(scenario) + " items; at most "
                    + RecordedDay.MAX_ITEMS + " are simulated at once.");
        }
        int agents = Math.max(agentCount(scenario.roster()),
                order.candidateRoster() == null ? 0 : agentCount(order.candidateRoster()));
        if (agents > MAX_AGENTS) {
            throw Problems.invalid("At most " + MAX_AGENTS + " agents are simulated, not " + agents + ".");
        }
        List<SimulationRequest.Variant> runs = new ArrayList<>();
        runs.add(new SimulationRequest.Variant("current", null, null));
        if (order.hasCandidate()) {
            runs.add(new SimulationRequest.Variant("candidate", order.candidateModels(), order.candidateRoster()));
        }
        return new SimulationRequest(scenario, runs);
    }

    /** The caller's files run in a JVM of this application: a process owner's hold models only, as a deployment. */
    private void requireModelsOnly(SimulationOrder order, Caller caller) {
        Map<String, String> callerModels = new LinkedHashMap<>();
        if (order.scenario() != null) {
            callerModels.putAll(order.scenario().models());
        }
        if (order.candidateModels() != null) {
            callerModels.putAll(order.candidateModels());
        }
        if (!caller.groups().contains(WorklaneGroups.ADMINS) && !callerModels.isEmpty()) {
            List<String> problems = modelReview.problems(callerModels);
            if (!problems.isEmpty()) {
                throw Problems.exception(HttpStatus.BAD_REQUEST, "model-not-allowed", "Model not allowed",
                        "Not simulated: " + String.join("; ", problems) + ".", Map.of("problems", problems));
            }
        }
    }

    private static void requireLength(Duration length) {
        if (length.isNegative() || length.isZero() || length.compareTo(MAX_LENGTH) > 0) {
            throw Problems.invalid("A simulated period lasts more than nothing and at most " + MAX_LENGTH.toDays()
                    + " days.");
        }
    }

    static int expectedArrivals(Scenario scenario) {
        double drawn = 0;
        long hours = (scenario.length().toSeconds() + 3599) / 3600;
        for (Scenario.ArrivalRate rate : scenario.arrivals().profile()) {
            for (int hour = 0; hour < hours; hour++) {
                drawn += rate.rateAt(hour);
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, scenario.arrivals().recorded().size() + Math.min(drawn, 1e9));
    }

    static int agentCount(List<RosterAgent> roster) {
        return roster.stream().mapToInt(RosterAgent::copies).sum();
    }
}
