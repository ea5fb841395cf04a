package io.worklane.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The runs of a simulation and, for two, how the second differs from the first (second minus first).
 */
public record Comparison(List<RunFigures> runs, Differences differences) {

    static Comparison of(List<RunFigures> runs) {
        return new Comparison(List.copyOf(runs), runs.size() == 2 ? Differences.between(runs.get(0), runs.get(1)) : null);
    }

    /**
     * @param totals per figure of the totals
     * @param waitSeconds per figure of the wait spread
     */
    public record Differences(String of, String against, Map<String, Double> totals, Map<String, Double> waitSeconds,
            List<GroupDifference> byDepartment, List<GroupDifference> bySegment) {

        static Differences between(RunFigures first, RunFigures second) {
            Map<String, Double> totals = new LinkedHashMap<>();
            RunFigures.Totals a = first.totals();
            RunFigures.Totals b = second.totals();
            put(totals, "done", a.done(), b.done());
            put(totals, "doneWithinSla", a.doneWithinSla(), b.doneWithinSla());
            put(totals, "serviceLevel", a.serviceLevel(), b.serviceLevel());
            put(totals, "overdue", a.overdue(), b.overdue());
            put(totals, "backlogAtEnd", a.backlogAtEnd(), b.backlogAtEnd());
            put(totals, "waitedShare", a.waitedShare(), b.waitedShare());
            put(totals, "occupancy", a.occupancy(), b.occupancy());
            put(totals, "itemsPerAgentGini", a.itemsPerAgentGini(), b.itemsPerAgentGini());
            Map<String, Double> waits = new LinkedHashMap<>();
            put(waits, "mean", first.waitSeconds().mean(), second.waitSeconds().mean());
            put(waits, "p50", first.waitSeconds().p50(), second.waitSeconds().p50());
            put(waits, "p90", first.waitSeconds().p90(), second.waitSeconds().p90());
            put(waits, "p95", first.waitSeconds().p95(), second.waitSeconds().p95());
            put(waits, "p99", first.waitSeconds().p99(), second.waitSeconds().p99());
            put(waits, "max", first.waitSeconds().max(), second.waitSeconds().max());
            return new Differences(second.name(), first.name(), totals, waits,
                    GroupDifference.between(first.byDepartment(), second.byDepartment()),
                    GroupDifference.between(first.bySegment(), second.bySegment()));
        }

        private static void put(Map<String, Double> into, String key, Number first, Number second) {
            into.put(key, first == null || second == null ? null : second.doubleValue() - first.doubleValue());
        }
    }

    /** How one department or segment differs; null where either run has no figure. */
    public record GroupDifference(String name, Integer done, Double serviceLevel, Integer overdue,
            Double meanWaitSeconds, Double p90WaitSeconds) {

        static List<GroupDifference> between(List<RunFigures.Group> first, List<RunFigures.Group> second) {
            Map<String, RunFigures.Group> a = byName(first);
            Map<String, RunFigures.Group> b = byName(second);
            Set<String> names = new TreeSet<>(a.keySet());
            names.addAll(b.keySet());
            List<GroupDifference> differences = new ArrayList<>();
            for (String name : names) {
                RunFigures.Group x = a.get(name);
                RunFigures.Group y = b.get(name);
                differences.add(new GroupDifference(name,
                        x == null || y == null ? null : y.done() - x.done(),
                        minus(x, y, RunFigures.Group::serviceLevel),
                        x == null || y == null ? null : y.overdue() - x.overdue(),
                        minus(x, y, RunFigures.Group::meanWaitSeconds), minus(x, y, RunFigures.Group::p90WaitSeconds)));
            }
            return differences;
        }

        private static Map<String, RunFigures.Group> byName(List<RunFigures.Group> groups) {
            Map<String, RunFigures.Group> byName = new LinkedHashMap<>();
            groups.forEach(group -> byName.put(group.name(), group));
            return byName;
        }

        private static Double minus(RunFigures.Group x, RunFigures.Group y, Function<RunFigures.Group, Double> figure) {
            if (x == null || y == null || figure.apply(x) == null || figure.apply(y) == null) {
                return null;
            }
            return figure.apply(y) - figure.apply(x);
        }
    }
}
