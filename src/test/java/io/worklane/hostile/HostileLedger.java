package io.worklane.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Counts, per attack class, the hostile requests the suite sent, the objects they stored half-way and the stack
 * trace lines the app logged while answering them, and rewrites {@code target/hostile/summary.txt} after every
 * test: the file always holds the totals of the run so far, whichever test class ran last.
 */
final class HostileLedger {

    private static final Path SUMMARY = Path.of("target", "hostile", "summary.txt");

    private static final Map<AttackClass, Integer> requests = new EnumMap<>(AttackClass.class);
    private static final Map<AttackClass, StoredObjects> storedHalfWay = new EnumMap<>(AttackClass.class);
    private static final Map<AttackClass, Integer> stackTraceLines = new EnumMap<>(AttackClass.class);
    private static final Map<AttackClass, Integer> stackTraces = new EnumMap<>(AttackClass.class);

    private HostileLedger() {
    }

    static synchronized void requestSent(AttackClass attack) {
        requests.merge(attack, 1, Integer::sum);
    }

    static synchronized void stored(AttackClass attack, StoredObjects added) {
        storedHalfWay.merge(attack, added, StoredObjects::plus);
    }

    /** Counts the stack traces in what the app logged (Logback prints each frame as a line "\tat ..."). */
    static synchronized void logged(AttackClass attack, String log) {
        int lines = 0;
        int traces = 0;
        boolean inTrace = false;
        for (String line : log.split("\\R")) {
            boolean frame = line.startsWith("\tat ");
            lines += frame ? 1 : 0;
            traces += frame && !inTrace ? 1 : 0;
            inTrace = frame || (inTrace && (line.startsWith("Caused by: ") || line.startsWith("\t... ")));
        }
        stackTraceLines.merge(attack, lines, Integer::sum);
        stackTraces.merge(attack, traces, Integer::sum);
    }

    static synchronized void writeSummary() {
        StringBuilder text = new StringBuilder("Hostile-client suite (issue #14): totals of this run\n\n");
        text.append(String.format("%-40s %8s  %-60s %s%n", "attack class", "requests", "stored half-way",
                "stack traces logged (traces/lines)"));
        for (AttackClass attack : AttackClass.values()) {
            if (!requests.containsKey(attack)) {
                continue;
            }
            StoredObjects stored = storedHalfWay.getOrDefault(attack, new StoredObjects(0, 0, 0, 0, 0, 0, 0));
            text.append(String.format("%-40s %8d  %-60s %d/%d%n", attack, requests.get(attack), describe(stored),
                    stackTraces.getOrDefault(attack, 0), stackTraceLines.getOrDefault(attack, 0)));
        }
        text.append("\nrequests: ").append(requests.values().stream().mapToInt(Integer::intValue).sum())
            .append("; stored half-way: ")
            .append(describe(storedHalfWay.values().stream().reduce(new StoredObjects(0, 0, 0, 0, 0, 0, 0),
                    StoredObjects::plus)))
            .append("; stack trace lines: ")
            .append(stackTraceLines.values().stream().mapToInt(Integer::intValue).sum())
            .append('\n');
        try {
            Files.createDirectories(SUMMARY.getParent());
            Files.writeString(SUMMARY, text);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + SUMMARY, e);
        }
    }

    private static String describe(StoredObjects stored) {
        if (stored.isEmpty()) {
            return "nothing";
        }
        return Map.of("work items", stored.workItems(), "events", stored.events(), "agents", stored.agents(),
                "instances", stored.instances(), "tasks", stored.tasks(), "jobs", stored.jobs(), "incidents",
                stored.incidents())
            .entrySet()
            .stream()
            .filter(entry -> entry.getValue() > 0)
            .sorted(Map.Entry.comparingByKey())
            .map(entry -> entry.getValue() + " " + entry.getKey())
            .collect(Collectors.joining(", "));
    }
}
