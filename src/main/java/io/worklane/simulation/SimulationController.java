package io.worklane.simulation;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.worklane.security.Caller;
import io.worklane.web.Problems;

/** What-if simulations over the API: the Insights "What-if" page and scripts use the same calls. */
@RestController
class SimulationController {

    private final Simulations simulations;

    SimulationController(Simulations simulations) {
        this.simulations = simulations;
    }

    @PostMapping("/api/simulations")
    @Operation(summary = "Simulate a recorded period (from, to) or a scenario with the deployed models and, given "
            + "candidate models or a roster, once more with them; answers at once, the figures follow (process "
            + "owners, admins, supervisors of all departments)")
    ResponseEntity<Simulations.SimulationView> start(@Valid @RequestBody SimulationOrder order) {
        Simulations.SimulationView started = simulations.start(order, Caller.current());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/simulations/" + started.id()))
            .body(started);
    }

    @GetMapping("/api/simulations")
    @Operation(summary = "The latest 50 simulations, newest first, without their figures (a process owner's own; "
            + "admins and supervisors of all departments: everyone's)")
    List<Simulations.SimulationView> latest() {
        Simulations.requireAllowed(Caller.current());
        return simulations.latest(Caller.current());
    }

    @GetMapping("/api/simulations/{id}")
    @Operation(summary = "A simulation: its state, and its figures once DONE (each run's, and the candidate's "
            + "differences from current)")
    Simulations.SimulationView simulation(@PathVariable String id) {
        Simulations.requireAllowed(Caller.current());
        return simulations.find(id, Caller.current()).orElseThrow(() -> Problems.notFound("simulation", id));
    }

    @GetMapping(value = "/api/simulations/{id}/{table}.csv", produces = "text/csv")
    @Operation(summary = "A DONE simulation's figures as CSV: totals, groups, backlog, agents or differences")
    ResponseEntity<String> csv(@PathVariable String id, @PathVariable String table) {
        Simulations.requireAllowed(Caller.current());
        SimulationCsv csv = Arrays.stream(SimulationCsv.values())
            .filter(candidate -> candidate.fileName().equals(table + ".csv"))
            .findFirst()
            .orElseThrow(() -> Problems.notFound("simulation table", table));
        Simulations.SimulationView simulation = simulations.find(id, Caller.current())
            .orElseThrow(() -> Problems.notFound("simulation", id));
        if (simulation.result() == null) {
            throw Problems.exception(HttpStatus.CONFLICT, "simulation-not-done", "Simulation not done",
                    "Simulation " + id + " is " + simulation.state() + ": its figures come once it is DONE.",
                    java.util.Map.of("state", simulation.state()));
        }
        return ResponseEntity.ok()
            .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
            .header("Content-Disposition", "attachment; filename=\"simulation-" + id + "-" + csv.fileName() + "\"")
            .body(csv.write(simulation.result()));
    }
}
