package io.worklane.simulation;

import java.util.List;
import java.util.Map;

/**
 * A scenario and the runs to compare on it: each run takes the scenario with its own models and roster (when it
 * names them). No runs: the scenario alone, as "current".
 */
public record SimulationRequest(Scenario scenario, List<Variant> runs) {

    public SimulationRequest {
        if (scenario == null) {
            throw new IllegalArgumentException("a simulation needs a scenario");
        }
        runs = runs == null || runs.isEmpty() ? List.of(new Variant("current", null, null)) : List.copyOf(runs);
        if (runs.size() > 2) {
            throw new IllegalArgumentException("a simulation compares at most two runs");
        }
        if (runs.stream().map(Variant::name).distinct().count() < runs.size()) {
            throw new IllegalArgumentException("the runs need different names");
        }
    }

    /**
     * @param models files deployed over the scenario's models (a candidate {@code priority-schema.dmn}, ...)
     * @param roster replaces the scenario's roster
     */
    public record Variant(String name, Map<String, String> models, List<RosterAgent> roster) {

        public Variant {
            if (name == null || !name.matches("[A-Za-z0-9 _-]{1,40}")) {
                throw new IllegalArgumentException("a run needs a name of up to 40 letters, digits, spaces, '_', '-'");
            }
        }

        /** The scenario with this run's roster; its models are deployed after the scenario's (the latest). */
        Scenario applyTo(Scenario scenario) {
            return roster == null ? scenario : scenario.withRoster(roster);
        }

        Map<String, String> candidateModels() {
            return models == null ? Map.of() : models;
        }
    }
}
