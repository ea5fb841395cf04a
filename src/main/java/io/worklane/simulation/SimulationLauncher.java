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

    private final Path workDirectory;
    private final Duration timeout;

    /**
     * @param workDirectory where each run's input, figures and log are written
     * @param timeout how long one run may take before it is stopped
     */
    public SimulationLauncher(Path workDirectory, Duration timeout) {
        this.workDirectory = workDirectory;
        this.timeout = timeout;
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
        int parallel = Math.max(1, Math.min(request.runs().size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService runs = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<RunFigures>> pending = new ArrayList<>();
            for (SimulationRequest.Variant variant : request.runs()) {
                Scenario scenario = variant.applyTo(request.scenario());
                pending.add(runs.submit(() -> run(variant.name(), scenario)));
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

    private RunFigures run(String name, Scenario scenario) throws IOException, InterruptedException {
        String file = name.replaceAll("[^A-Za-z0-9_-]", "_");
        Path input = workDirectory.resolve(file + "-run.json");
        Path output = workDirectory.resolve(file + "-figures.json");
        Path log = workDirectory.resolve(file + ".log");
        SimulationJson.MAPPER.writeValue(input.toFile(), new SimulationRun.Input(name, scenario));
        ProcessBuilder builder = new ProcessBuilder(command(input, output)).redirectErrorStream(true)
            .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("WORKLANE_") || key.startsWith("SPRING_")
                || key.startsWith("CAMUNDA_"));
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
    static List<String> command(Path input, Path output) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(java, "-Xms256m", "-Xmx2g", "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8"));
        if (isBootJar(classPath)) {
            command.addAll(List.of("-jar", classPath));
        }
        else {
            command.addAll(List.of("-cp", classPath, MAIN_CLASS));
        }
        command.addAll(List.of(SimulationRun.COMMAND, input.toString(), output.toString()));
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
