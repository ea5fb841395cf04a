package io.worklane.simulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;


/**
 * One simulated run, in a JVM of its own ({@code simulate-run <run.json> <figures.json>}): starts the application
 * with the {@code simulation} profile on a new in-memory database, runs the scenario, writes its figures.
 */
public final class SimulationRun {

    public static final String COMMAND = "simulate-run";
    public static final String PROFILE = "simulation";

    /**
     * What a run is given.
     *
     * @param candidateModels deployed after the scenario's own models (the deployed set)
     * @param settings the launching node's settings of how work is distributed ({@code worklane.routing.*}, ...),
     *        so that the run distributes as the node does
     * @param deadline when the run gives up, whatever happens to its launcher
     */
    record Input(String name, Scenario scenario, Map<String, String> candidateModels, Map<String, String> settings,
            Instant deadline) {

        Input {
            candidateModels = candidateModels == null ? Map.of() : Map.copyOf(candidateModels);
            settings = settings == null ? Map.of() : Map.copyOf(settings);
        }
    }

    private SimulationRun() {
    }

    /**
     * @param application the application class to start (the launcher's main class: this module does not know it)
     * @return the exit status: 0 when the figures are written
     */
    public static int run(String[] args, Class<?> application) {
        if (args.length != 2) {
            System.err.println("usage: " + COMMAND + " <run.json> <figures.json>");
            return 2;
        }
        // a run never outlives its launcher
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
        try {
            Input input = SimulationJson.MAPPER.readValue(Path.of(args[0]).toFile(), Input.class);
            if (input.deadline() != null) {
                Thread deadline = new Thread(() -> {
                    try {
                        Thread.sleep(Math.max(0, Duration.between(Instant.now(), input.deadline()).toMillis()));
                        System.err.println("The run passed its deadline " + input.deadline() + " and stops.");
                        Runtime.getRuntime().halt(4);
                    }
                    catch (InterruptedException done) {
                        Thread.currentThread().interrupt();
                    }
                }, "deadline");
                deadline.setDaemon(true);
                deadline.start();
            }
            RunFigures figures = simulate(input, application);
            Path out = Path.of(args[1]);
            Path partial = out.resolveSibling(out.getFileName() + ".partial");
            SimulationJson.MAPPER.writeValue(partial.toFile(), figures);
            Files.move(partial, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return 0;
        }
        catch (IOException | RuntimeException e) {
            System.err.println("The simulation failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    static RunFigures simulate(Input input, Class<?> applicationClass) {
        long started = System.nanoTime();
        SpringApplication application = new SpringApplication(applicationClass);
        application.setAdditionalProfiles(PROFILE);
        application.setBannerMode(Banner.Mode.OFF);
        String database = "jdbc:h2:mem:simulation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        List<String> arguments = new ArrayList<>();
        // the application's own configuration only: no ./config or ./application.yaml of the launcher's directory
        arguments.add("--spring.config.location=classpath:/");
        arguments.add("--spring.profiles.active=" + PROFILE);
        input.settings().forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.add("--spring.datasource.url=" + database);
        try (ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new))) {
            DayLog day = context.getBean(VirtualDay.class).run(input.scenario(), input.candidateModels());
            Map<String, RunFigures.ItemRow> rows = new HashMap<>();
            context.getBean(JdbcTemplate.class).query(
                    "SELECT id, department, customer_segment, due_at FROM work_item", row -> {
                        Timestamp due = row.getTimestamp("due_at");
                        rows.put(row.getString("id"), new RunFigures.ItemRow(row.getString("id"),
                                row.getString("department"), row.getString("customer_segment"),
                                due == null ? null : due.toInstant()));
                    });
            return RunFigures.of(input.name(), day, rows, (System.nanoTime() - started) / 1e9);
        }
        finally {
            ClockUtil.reset();
        }
    }
}
