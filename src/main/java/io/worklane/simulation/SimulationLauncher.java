package io.worklane.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * Runs each run of a simulation in a child JVM of this application ({@link SimulationRun}), at most one per
 * processor at once, and compares their figures. The child gets a clean environment: none of this node's database,
 * context sources or webhooks.
 */
public final class SimulationLauncher {

    private static final String MAIN_CLASS = "io.worklane.WorklaneApplication";

    /**
     * The launching node's environment variables a run keeps: those of how work is distributed, which a run must
     * share to distribute as the node does. The rest (database, context sources, webhooks, profiles) stay behind.
     */
    private static final List<String> KEPT_ENVIRONMENT = NodeSettings.PREFIXES.stream()
        .map(prefix -> prefix.replace('.', '_').toUpperCase(java.util.Locale.ROOT))
        .toList();

    private final Path workDirectory;
    private final Duration timeout;
    private final Map<String, String> settings;
    private final String maxHeap;
    private final int parallelRuns;

    /**
     * @param workDirectory where each run's input, figures and log are written
     * @param timeout how long one run may take before it is stopped
     * @param settings the node's settings of how work is distributed, for each run
     * @param maxHeap each run's JVM heap ({@code -Xmx})
     * @param parallelRuns how many runs of a simulation at once
     */
    public SimulationLauncher(Path workDirectory, Duration timeout, Map<String, String> settings, String maxHeap,
            int parallelRuns) {
        this.workDirectory = workDirectory;
        this.timeout = timeout;
        this.settings = Map.copyOf(settings);
        this.maxHeap = maxHeap;
        this.parallelRuns = Math.max(1, parallelRuns);
    }

    /** A run that did not finish: its reason and the end of its log. */
    public static final class SimulationFailed extends RuntimeException {
        SimulationFailed(String message) {
            super(message);
        }
    }

    public Comparison simulate(SimulationRequest request) {
        try {
            Files.createDirectories(workDirectory);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int parallel = Math.min(request.runs().size(), parallelRuns);
        ExecutorService runs = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<RunFigures>> pending = new ArrayList<>();
            for (SimulationRequest.Variant variant : request.runs()) {
                Scenario scenario = variant.applyTo(request.scenario());
                pending.add(runs.submit(() -> run(variant.name(), scenario, variant.candidateModels())));
            }
            List<RunFigures> figures = new ArrayList<>();
            for (Future<RunFigures> run : pending) {
                figures.add(run.get());
            }
            return Comparison.of(figures);
        }
        catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new SimulationFailed(e.toString());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationFailed("interrupted");
        }
        finally {
            runs.shutdownNow();
        }
    }

    private RunFigures run(String name, Scenario scenario, Map<String, String> candidateModels)
            throws IOException, InterruptedException {
        String file = name.replaceAll("[^A-Za-z0-9_-]", "_");
        Path input = workDirectory.resolve(file + "-run.json");
        Path output = workDirectory.resolve(file + "-figures.json");
        Path log = workDirectory.resolve(file + ".log");
        SimulationJson.MAPPER.writeValue(input.toFile(), new SimulationRun.Input(name, scenario, candidateModels,
                settings, java.time.Instant.now().plus(timeout)));
        ProcessBuilder builder = new ProcessBuilder(command(input, output, maxHeap)).redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .directory(workDirectory.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> {
            String upper = key.toUpperCase(java.util.Locale.ROOT);
            return (upper.startsWith("WORKLANE_") || upper.startsWith("SPRING") || upper.startsWith("CAMUNDA"))
                    && KEPT_ENVIRONMENT.stream().noneMatch(upper::startsWith);
        });
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SimulationFailed("Run '" + name + "' took longer than " + timeout + " and was stopped.");
            }
        }
        finally {
            process.destroyForcibly();
        }
        if (process.exitValue() != 0 || !Files.exists(output)) {
            throw new SimulationFailed("Run '" + name + "' failed (exit " + process.exitValue() + "): " + tail(log));
        }
        return SimulationJson.MAPPER.readValue(output.toFile(), RunFigures.class);
    }

    /** This application again: as {@code java -jar} when it runs from its jar, else on its class path. */
    static List<String> command(Path input, Path output, String maxHeap) {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // absolute: a run works in its own directory
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .map(entry -> Path.of(entry).toAbsolutePath().toString())
            .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(javaBinary, "-Xms256m", "-Xmx" + maxHeap, "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8"));
        if (isBootJar(classPath)) {
            command.addAll(List.of("-jar", classPath));
        }
        else {
            command.addAll(List.of("-cp", classPath, MAIN_CLASS));
        }
        command.addAll(List.of(SimulationRun.COMMAND, input.toAbsolutePath().toString(),
                output.toAbsolutePath().toString()));
        return command;
    }

    private static boolean isBootJar(String classPath) {
        if (classPath == null || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Start-Class") != null;
        }
        catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        }
        catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
