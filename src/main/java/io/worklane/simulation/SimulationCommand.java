package io.worklane.simulation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * {@code java -jar worklane.jar simulate ...}: runs a scenario, or a scenario against a candidate set of models or
 * a candidate roster, and writes {@code simulation.json} and the CSV tables into the output directory.
 */
public final class SimulationCommand {

    public static final String COMMAND = "simulate";

    static final String USAGE = """
            usage: java -jar worklane.jar simulate --scenario SCENARIO.json [--candidate FILE_OR_DIRECTORY]...
                       [--candidate-roster ROSTER.json] --out DIRECTORY
                   java -jar worklane.jar simulate --request REQUEST.json --out DIRECTORY
              --scenario          a scenario (README: "What-if simulation"); its own runs as "current"
              --candidate         .dmn/.bpmn files (or a directory of them) deployed over the current models
              --candidate-roster  a roster (JSON array of agents) for the candidate run
              --request           a whole request: {"scenario": ..., "runs": [...]}
              --out               where simulation.json and the CSV tables go
            """;

    private SimulationCommand() {
    }

    public static int run(String[] args) {
        try {
            Map<String, List<String>> options = options(args);
            if (!options.containsKey("--out") || options.containsKey("--scenario") == options.containsKey("--request")) {
                System.err.print(USAGE);
                return 2;
            }
            Path out = Path.of(options.get("--out").get(0));
            SimulationRequest request = request(options);
            Comparison comparison = new SimulationLauncher(out.resolve("runs"), Duration.ofHours(2), Map.of(), "2g",
                    Runtime.getRuntime().availableProcessors()).simulate(request);
            Files.createDirectories(out);
            SimulationJson.MAPPER.writeValue(out.resolve("simulation.json").toFile(), comparison);
            for (SimulationCsv table : SimulationCsv.values()) {
                Files.writeString(out.resolve(table.fileName()), table.write(comparison), StandardCharsets.UTF_8);
            }
            System.out.print(SimulationCsv.TOTALS.write(comparison));
            System.out.println("Written to " + out.toAbsolutePath());
            return 0;
        }
        catch (IllegalArgumentException | IOException | SimulationLauncher.SimulationFailed e) {
            System.err.println("simulate: " + e.getMessage());
            return 1;
        }
    }

    private static SimulationRequest request(Map<String, List<String>> options) throws IOException {
        if (options.containsKey("--request")) {
            return SimulationJson.MAPPER.readValue(Path.of(options.get("--request").get(0)).toFile(),
                    SimulationRequest.class);
        }
        Scenario scenario = SimulationJson.MAPPER.readValue(Path.of(options.get("--scenario").get(0)).toFile(),
                Scenario.class);
        Map<String, String> models = new LinkedHashMap<>();
        for (String candidate : options.getOrDefault("--candidate", List.of())) {
            models.putAll(models(Path.of(candidate)));
        }
        List<RosterAgent> roster = options.containsKey("--candidate-roster")
                ? SimulationJson.MAPPER.readValue(Path.of(options.get("--candidate-roster").get(0)).toFile(),
                        new TypeReference<List<RosterAgent>>() {
                        })
                : null;
        List<SimulationRequest.Variant> runs = new ArrayList<>();
        runs.add(new SimulationRequest.Variant("current", null, null));
        if (!models.isEmpty() || roster != null) {
            runs.add(new SimulationRequest.Variant("candidate", models, roster));
        }
        return new SimulationRequest(scenario, runs);
    }

    /** A model file, or the .dmn and .bpmn files of a directory, by file name. */
    private static Map<String, String> models(Path path) throws IOException {
        Map<String, String> models = new LinkedHashMap<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".dmn") || f.toString().endsWith(".bpmn"))
                    .sorted().toList()) {
                    models.put(file.getFileName().toString(), Files.readString(file));
                }
            }
        }
        else {
            models.put(path.getFileName().toString(), Files.readString(path));
        }
        return models;
    }

    private static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected an option and its value at '" + args[i] + "'\n" + USAGE);
            }
            options.computeIfAbsent(args[i], key -> new ArrayList<>()).add(args[i + 1]);
        }
        return options;
    }
}
