package io.worklane.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

import io.worklane.doors.ModelReview;
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
    /** A recorded period or scenario may span at most a week. */
    static final Duration MAX_LENGTH = Duration.ofDays(7);
    static final int MAX_AGENTS = 5_000;
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
    private final RecordedDay recordedDay;
    private final DeployedModels deployedModels;
    private final ModelReview modelReview;
    private final SimulationProperties properties;
    private final Clock clock;
    private final ThreadPoolExecutor runner;
    /** The simulation running on this node and those waiting: taken before a request is read, given back after. */
    private final Semaphore places;
    private final NodeSettings nodeSettings;

    Simulations(NamedParameterJdbcTemplate jdbc, RecordedDay recordedDay, DeployedModels deployedModels,
            ModelReview modelReview, SimulationProperties properties, Clock clock, NodeSettings nodeSettings) {
        this.nodeSettings = nodeSettings;
        this.jdbc = jdbc;
        this.recordedDay = recordedDay;
        this.deployedModels = deployedModels;
        this.modelReview = modelReview;
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
        SimulationRequest request = requestOf(order, caller);
        Scenario scenario = request.scenario();
        Summary summary = new Summary(scenario.start(), scenario.end(),
                request.runs().stream().map(SimulationRequest.Variant::name).toList(),
                order.candidateModels() == null ? List.of() : List.copyOf(order.candidateModels().keySet()),
                order.candidateRoster() != null, expectedArrivals(scenario), agentCount(scenario.roster()),
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

    private SimulationRequest requestOf(SimulationOrder order, Caller caller) {
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

    private static int expectedArrivals(Scenario scenario) {
        double drawn = 0;
        long hours = (scenario.length().toSeconds() + 3599) / 3600;
        for (Scenario.ArrivalRate rate : scenario.arrivals().profile()) {
            for (int hour = 0; hour < hours; hour++) {
                drawn += rate.rateAt(hour);
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, scenario.arrivals().recorded().size() + Math.min(drawn, 1e9));
    }

    private static int agentCount(List<RosterAgent> roster) {
        return roster.stream().mapToInt(RosterAgent::copies).sum();
    }

    private void run(String id, SimulationRequest request, Map<String, String> settings) {
        jdbc.update("UPDATE simulation SET state = 'RUNNING', started_at = :at WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("at", Timestamp.from(clock.instant())));
        Path directory = properties.workDirectory().resolve(id);
        try {
            prepareWorkDirectory();
            Comparison result = new SimulationLauncher(directory, properties.timeout(), settings,
                    properties.maxHeap(), properties.parallelRuns()).simulate(request);
            finish(id, State.DONE, write(result), null);
            clean(directory, file -> true);
        }
        catch (RuntimeException | Error e) {
            log.warn("Simulation {} failed (its runs' logs are in {}): {}", id, directory, e.getMessage());
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            finish(id, State.FAILED, null, error.length() > 4000 ? error.substring(0, 4000) : error);
            // the logs stay for whoever looks into it; the inputs (a recorded day's items) do not
            clean(directory, file -> !file.getFileName().toString().endsWith(".log"));
        }
    }

    /**
     * The work directory holds recorded items on their way to a run: this user's alone (created so, refused when
     * someone else owns it). Failed runs' logs go after a week.
     */
    private void prepareWorkDirectory() {
        Path root = properties.workDirectory();
        try {
            boolean posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!Files.exists(root)) {
                Files.createDirectories(root.getParent() == null ? root.toAbsolutePath().getParent() : root.getParent());
                if (posix) {
                    Files.createDirectory(root, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                }
                else {
                    Files.createDirectory(root);
                }
            }
            if (posix) {
                String owner = Files.getOwner(root).getName();
                if (!owner.equals(System.getProperty("user.name"))) {
                    throw new IllegalStateException("The simulations' work directory " + root + " belongs to " + owner
                            + ", not to this application's user: set worklane.simulation.work-directory.");
                }
                Files.setPosixFilePermissions(root, OWNER_ONLY);
            }
            Instant weekAgo = clock.instant().minus(Duration.ofDays(7));
            try (var runs = Files.list(root)) {
                for (Path old : runs.filter(Files::isDirectory).toList()) {
                    if (Files.getLastModifiedTime(old).toInstant().isBefore(weekAgo)) {
                        clean(old, file -> true);
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** Deletes the files of a run directory that match, and the directory once it is empty. */
    private static void clean(Path directory, java.util.function.Predicate<Path> which) {
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(which).toList()) {
                Files.deleteIfExists(file);
            }
            try (var left = Files.list(directory)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(directory);
                }
            }
        }
        catch (IOException e) {
            log.warn("Could not clean up {}: {}", directory, e.toString());
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
            .stream().filter(simulation -> readsAll(caller) || simulation.requestedBy().equals(caller.userId()))
            .map(simulation -> readsAll(caller) ? simulation : withoutNames(simulation))
            .findFirst();
    }

    /** The latest simulations this caller may read, newest first, without their figures. */
    public List<SimulationView> latest(Caller caller) {
        String mine = readsAll(caller) ? "" : " WHERE requested_by = :by";
        return jdbc.query("SELECT * FROM simulation" + mine + " ORDER BY requested_at DESC, id LIMIT " + LISTED,
                Map.of("by", caller.userId()), (row, n) -> view(row, false));
    }

    private static boolean readsAll(Caller caller) {
        return caller.groups().contains(WorklaneGroups.ADMINS)
                || caller.groups().contains(WorklaneGroups.SUPERVISORS)
                        && caller.groups().contains(WorklaneGroups.ALL_DEPARTMENTS);
    }

    private static SimulationView withoutNames(SimulationView simulation) {
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
