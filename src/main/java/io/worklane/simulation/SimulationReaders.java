package io.worklane.simulation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.worklane.security.Caller;
import io.worklane.security.WorklaneGroups;
import io.worklane.simulation.Simulations.SimulationView;

/** Who reads which simulations, and how much of them. */
final class SimulationReaders {

    private SimulationReaders() {
    }

    /** Admins and supervisors of all departments read every simulation, with the agents' names. */
    static boolean readsAll(Caller caller) {
        return caller.groups().contains(WorklaneGroups.ADMINS)
                || caller.groups().contains(WorklaneGroups.SUPERVISORS)
                        && caller.groups().contains(WorklaneGroups.ALL_DEPARTMENTS);
    }

    /** The simulation with its agents as "agent 1", "agent 2", ...: the people's figures are their supervisors'. */
    static SimulationView withoutNames(SimulationView simulation) {
        if (simulation.result() == null) {
            return simulation;
        }
        Map<String, String> pseudonyms = new LinkedHashMap<>();
        List<RunFigures> runs = simulation.result().runs().stream().map(run -> new RunFigures(run.name(),
                run.totals(), run.byDepartment(), run.bySegment(), run.waitSeconds(), run.handleSeconds(),
                run.agents().stream().map(agent -> new RunFigures.AgentFigures(
                        pseudonyms.computeIfAbsent(agent.id(), id -> "agent " + (pseudonyms.size() + 1)),
                        agent.itemsDone(), agent.handleSeconds(), agent.loggedInSeconds(), agent.occupancy())).toList(),
                run.backlog(), run.run())).toList();
        return new SimulationView(simulation.id(), simulation.state(), simulation.requestedBy(),
                simulation.requestedAt(), simulation.startedAt(), simulation.finishedAt(), simulation.summary(),
                new Comparison(runs, simulation.result().differences()), simulation.error());
    }
}
