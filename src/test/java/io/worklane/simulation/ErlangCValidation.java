package io.worklane.simulation;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the simulation on the M/M/c queue of Erlang C: one kind of item (Sales leads of Gold customers), Poisson
 * arrivals, exponential handle times, c identical agents answering at once, until every item is done. Compares
 * the simulated mean wait in queue and share of items that waited with Erlang C, at the load the run drew (its
 * arrivals per second and mean handle time) and at the nominal one.
 */
final class ErlangCValidation {

    static final int AGENTS = 5;
    static final double MEAN_HANDLE_SECONDS = 300;
    private static final Instant START = Instant.parse("2027-01-04T08:00:00Z");

    /** One load's figures: nominal and drawn theory against the simulation. */
    record Row(double rho, int arrivals, double wallSeconds, ErlangC nominal, ErlangC drawn, double simulatedWait,
            double simulatedWaitedShare) {

        double waitError() {
            return simulatedWait / drawn.meanWaitSeconds() - 1;
        }

        double waitedShareError() {
            return simulatedWaitedShare / drawn.probabilityOfWaiting() - 1;
        }

        String line() {
            return String.format(Locale.ROOT,
                    "| %.2f | %,d | %.1f s | %.1f s | %+.1f %% | %.3f | %.3f | %.3f | %+.1f %% | %.1f s | %.3f | %.0f s |",
                    rho, arrivals, drawn.meanWaitSeconds(), simulatedWait, 100 * waitError(),
                    drawn.probabilityOfWaiting(), nominal.probabilityOfWaiting(), simulatedWaitedShare,
                    100 * waitedShareError(), nominal.meanWaitSeconds(), drawn.utilisation(), wallSeconds);
        }

        static String header() {
            return """
                    | ρ | arrivals | Wq theory (drawn load) | Wq simulated | error | P(wait) theory (drawn) | P(wait) theory (nominal) | P(wait) simulated | error | Wq theory (nominal) | ρ drawn | run |
                    |---|---|---|---|---|---|---|---|---|---|---|---|""";
        }
    }

    private ErlangCValidation() {
    }

    /** Simulates each load with about {@code arrivals} arrivals, two runs at a time. */
    static List<Row> run(double[] loads, int arrivals, long seed, Path workDirectory) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Row>> rows = new ArrayList<>();
            for (double rho : loads) {
                // a seed of its own per load: their errors are independent
                long loadSeed = seed + Math.round(rho * 100);
                rows.add(pool.submit(() -> one(rho, arrivals, loadSeed, workDirectory.resolve("rho-" + rho))));
            }
            List<Row> done = new ArrayList<>();
            for (Future<Row> row : rows) {
                done.add(row.get());
            }
            return done;
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static Row one(double rho, int arrivals, long seed, Path directory) {
        ErlangC nominal = new ErlangC(AGENTS, rho * AGENTS / MEAN_HANDLE_SECONDS, MEAN_HANDLE_SECONDS);
        Duration length = Duration.ofSeconds(Math.round(arrivals / nominal.arrivalsPerSecond()));
        Scenario scenario = new Scenario(START, length, seed, true,
                new Scenario.Arrivals(null, List.of(new Scenario.ArrivalRate(
                        Map.of("requestType", "Lead", "customerSegment", "Gold"), nominal.arrivalsPerSecond() * 3600,
                        null))),
                List.of(new Scenario.HandleTime(null, null,
                        new Distribution(Distribution.Type.EXPONENTIAL, MEAN_HANDLE_SECONDS, null))),
                List.of(new RosterAgent("agent", AGENTS, Map.of("Sales Processing", 8), null, null,
                        io.worklane.agent.AnswerMode.AUTO, null, null, null, null)),
                null, null);
        RunFigures run = new SimulationLauncher(directory, Duration.ofHours(3), Map.of(), "1g", 1)
            .simulate(new SimulationRequest(scenario, null)).runs().get(0);
        double drawnRate = run.totals().arrived() / (double) length.toSeconds();
        ErlangC drawn = new ErlangC(AGENTS, drawnRate, run.handleSeconds().mean());
        return new Row(rho, run.totals().arrived(), run.run().wallSeconds(), nominal, drawn, run.waitSeconds().mean(),
                run.totals().waitedShare());
    }
}
