package io.worklane.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import io.worklane.security.Caller;
import io.worklane.security.WorklaneGroups;
import io.worklane.web.Problems;

/**
 * Accepts simulations, runs them one at a time on this node (each run a child JVM, {@link SimulationLauncher}) and
 * keeps what was asked and the figures in the {@code simulation} table, so that any node answers for them.
 */
@Service
public class Simulations {

    private static final Logger log = LoggerFactory.getLogger(Simulations.class);
    private static final int LISTED = 50;

    public enum State {
        QUEUED, RUNNING, DONE, FAILED
    }

    /** What was asked: the period, the runs and what differs in the candidate, the size. */
    public record Summary(Instant from, Instant to, List<String> runs, List<String> candidateModels,
            boolean candidateRoster, int arrivals, int agents, long seed) {
    }

    /** A simulation as the API shows it; {@code result} once DONE, {@code error} once FAILED. */
    public record SimulationView(String id, State state, String requestedBy, Instant requestedAt, Instant startedAt,
            Instant finishedAt, Summary summary, Comparison result, String error) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final SimulationOrders orders;
    private final SimulationProperties properties;
    private final Clock clock;
    private final ThreadPoolExecutor runner;
    /** The simulation running on this node and those waiting: taken before a request is read, given back after. */
    private final Semaphore places;
    private final NodeSettings nodeSettings;

    Simulations(NamedParameterJdbcTemplate jdbc, SimulationOrders orders, SimulationProperties properties, Clock clock,
            NodeSettings nodeSettings) {
        this.orders = orders;
        this.nodeSettings = nodeSettings;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.places = new Semaphore(1 + properties.maxWaiting());
        this.runner = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "simulation");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    /** Who may simulate: process owners, admins and supervisors of every department (the figures span them all). */
    static void requireAllowed(Caller caller) {
        Set<String> groups = caller.groups();
        boolean allowed = groups.contains(WorklaneGroups.ADMINS) || groups.contains(WorklaneGroups.PROCESS_OWNERS)
                || groups.contains(WorklaneGroups.SUPERVISORS) && groups.contains(WorklaneGroups.ALL_DEPARTMENTS);
        if (!allowed) {
            throw Problems.forbidden("A simulation shows every department's figures: process owners, admins and "
                    + "supervisors of all departments (group " + WorklaneGroups.ALL_DEPARTMENTS + ") run them.");
        }
    }

    public SimulationView start(SimulationOrder order, Caller caller) {
        requireAllowed(caller);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM simulation WHERE requested_by = :by AND state IN ('QUEUED', "
                + "'RUNNING') AND requested_at > :since", new MapSqlParameterSource("by", caller.userId())
                    .addValue("since", Timestamp.from(clock.instant().minus(abandonedAfter()))), Integer.class) > 0) {
            throw busy("You have a simulation waiting or running: try again when it has finished.");
        }
        // a place is taken before anything is read: a recorded week is a large read
        if (!places.tryAcquire()) {
            throw busy("This node runs one simulation and has " + properties.maxWaiting()
                    + " waiting: try again when one has finished.");
        }
        try {
            return accept(order, caller);
        }
        catch (RuntimeException | Error e) {
            places.release();
            throw e;
        }
    }

    private ErrorResponseException busy(String detail) {
        return Problems.exception(HttpStatus.TOO_MANY_REQUESTS, "simulations-busy", "Simulations busy", detail,
                Map.of("maxWaiting", properties.maxWaiting()));
    }

    private SimulationView accept(SimulationOrder order, Caller caller) {
        SimulationRequest request = orders.requestOf(order, caller);
        Scenario scenario = request.scenario();
        Summary summary = new Summary(scenario.start(), scenario.end(),
                request.runs().stream().map(SimulationRequest.Variant::name).toList(),
                order.candidateModels() == null ? List.of() : List.copyOf(order.candidateModels().keySet()),
                order.candidateRoster() != null, SimulationOrders.expectedArrivals(scenario), SimulationOrders.agentCount(scenario.roster()),
                scenario.seed());
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.update("""
                INSERT INTO simulation (id, requested_by, requested_at, state, summary)
                VALUES (:id, :by, :at, 'QUEUED', :summary)
                """, new MapSqlParameterSource("id", id).addValue("by", caller.userId())
            .addValue("at", Timestamp.from(now)).addValue("summary", write(summary)));
        Map<String, String> settings = nodeSettings.current();
        runner.execute(() -> {
            try {
                run(id, request, settings);
            }
            finally {
                places.release();
            }
        });
        return find(id, caller).orElseThrow();
    }

    private void run(String id, SimulationRequest request, Map<String, String> settings) {
        jdbc.update("UPDATE simulation SET state = 'RUNNING', started_at = :at WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("at", Timestamp.from(clock.instant())));
        Path directory = properties.workDirectory().resolve(id);
        try {
            WorkDirectory.prepare(properties.workDirectory(), clock.instant());
            Comparison result = new SimulationLauncher(directory, properties.timeout(), settings,
                    properties.maxHeap(), properties.parallelRuns()).simulate(request);
            finish(id, State.DONE, write(result), null);
            WorkDirectory.clean(directory, file -> true);
        }
        catch (RuntimeException | Error e) {
            log.warn("Simulation {} failed (its runs' logs are in {}): {}", id, directory, e.getMessage());
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            finish(id, State.FAILED, null, error.length() > 4000 ? error.substring(0, 4000) : error);
            // the logs stay for whoever looks into it; the inputs (a recorded day's items) do not
            WorkDirectory.clean(directory, file -> !file.getFileName().toString().endsWith(".log"));
        }
    }

    private void finish(String id, State state, String result, String error) {
        jdbc.update("""
                UPDATE simulation SET state = :state, finished_at = :at, result = :result, error = :error
                 WHERE id = :id
                """, new MapSqlParameterSource("id", id).addValue("state", state.name())
            .addValue("at", Timestamp.from(clock.instant())).addValue("result", result).addValue("error", error));
    }

    /**
     * A simulation as this caller may read it: their own, or any for admins and supervisors of all departments. A
     * process owner reads agents as "agent 1", "agent 2", ...: the people's figures are their supervisors' to see.
     */
    public Optional<SimulationView> find(String id, Caller caller) {
        return jdbc.query("SELECT * FROM simulation WHERE id = :id", Map.of("id", id), (row, n) -> view(row, true))
            .stream().filter(simulation -> SimulationReaders.readsAll(caller) || simulation.requestedBy().equals(caller.userId()))
            .map(simulation -> SimulationReaders.readsAll(caller) ? simulation : SimulationReaders.withoutNames(simulation))
            .findFirst();
    }

    /** The latest simulations this caller may read, newest first, without their figures. */
    public List<SimulationView> latest(Caller caller) {
        String mine = SimulationReaders.readsAll(caller) ? "" : " WHERE requested_by = :by";
        return jdbc.query("SELECT * FROM simulation" + mine + " ORDER BY requested_at DESC, id LIMIT " + LISTED,
                Map.of("by", caller.userId()), (row, n) -> view(row, false));
    }

    private Duration abandonedAfter() {
        return properties.timeout().multipliedBy(2L + properties.maxWaiting());
    }

    private SimulationView view(java.sql.ResultSet row, boolean withResult) throws java.sql.SQLException {
        State state = State.valueOf(row.getString("state"));
        Instant requestedAt = row.getTimestamp("requested_at").toInstant();
        String error = row.getString("error");
        // a run left QUEUED or RUNNING past its time was on a node that stopped
        if ((state == State.QUEUED || state == State.RUNNING)
                && requestedAt.plus(abandonedAfter()).isBefore(clock.instant())) {
            state = State.FAILED;
            error = "Abandoned: the node running it stopped.";
        }
        String result = withResult ? row.getString("result") : null;
        return new SimulationView(row.getString("id"), state, row.getString("requested_by"), requestedAt,
                instant(row.getTimestamp("started_at")), instant(row.getTimestamp("finished_at")),
                read(row.getString("summary"), Summary.class), result == null ? null : read(result, Comparison.class),
                error);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String write(Object value) {
        try {
            return SimulationJson.MAPPER.writeValueAsString(value);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String text, Class<T> type) {
        try {
            return SimulationJson.MAPPER.readValue(text, type);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
