package io.worklane.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The figures of one simulated run.
 *
 * @param name the run's name ("current", "candidate", ...)
 * @param totals the whole day
 * @param byDepartment per department (as the item was classified)
 * @param bySegment per customer segment
 * @param waitSeconds time from arrival to the first offer (to the end, for an item never offered)
 * @param handleSeconds handle time of the items done
 * @param agents per agent
 * @param backlog over the day
 * @param run how the simulation itself went
 */
public record RunFigures(String name, Totals totals, List<Group> byDepartment, List<Group> bySegment,
        Spread waitSeconds, Spread handleSeconds, List<AgentFigures> agents, List<DayLog.BacklogPoint> backlog,
        RunInfo run) {

    /**
     * @param notOffered items nobody was offered by the end: their wait counts until the end
     * @param serviceLevel done within their due date per item done or past its due date undone at the end (the
     *        insights count completions only; a run that leaves items undone must not look better for it)
     * @param overdue items past their due date before they were done (or by the end)
     * @param waitedShare the share of items that waited at all
     * @param occupancy handle time per logged-in time, over all agents
     * @param itemsPerAgentGini 0: every agent did as many items, 1: one agent did all
     */
    public record Totals(int arrived, int refused, int offered, int notOffered, int done, int doneWithinSla,
            Double serviceLevel,
            int overdue, long backlogAtEnd, Double waitedShare, Double occupancy, Double itemsPerAgentGini) {
    }

    /** The figures of one department or segment. */
    public record Group(String name, int arrived, int done, int doneWithinSla, Double serviceLevel, int overdue,
            Double meanWaitSeconds, Double p90WaitSeconds) {
    }

    /** Mean and percentiles; null when there is nothing to measure. */
    public record Spread(int count, Double mean, Double p50, Double p90, Double p95, Double p99, Double max) {

        static Spread of(double[] values) {
            if (values.length == 0) {
                return new Spread(0, null, null, null, null, null, null);
            }
            Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
            percentile.setData(values);
            return new Spread(values.length, Arrays.stream(values).average().orElseThrow(),
                    percentile.evaluate(50), percentile.evaluate(90), percentile.evaluate(95), percentile.evaluate(99),
                    Arrays.stream(values).max().orElseThrow());
        }
    }

    public record AgentFigures(String id, int itemsDone, double handleSeconds, double loggedInSeconds,
            Double occupancy) {
    }

    /**
     * @param refusedCaptures why items were refused at capture, and how many
     * @param failedJobs job runs that failed (each is an incident after its retries)
     * @param missedOffers offers left unanswered on purpose (the answering's miss rate)
     * @param wallSeconds how long the run took
     */
    public record RunInfo(Instant start, Instant end, Map<String, Integer> refusedCaptures, int failedJobs,
            int missedOffers, int refusedAgentActions, double wallSeconds) {
    }

    /** What the isolated database knows of an item at the end: where it was classified, its due date. */
    record ItemRow(String id, String department, String segment, Instant dueAt) {
    }

    static RunFigures of(String name, DayLog day, Map<String, ItemRow> rows, double wallSeconds) {
        List<Line> lines = day.items.values().stream()
            .map(item -> new Line(item, rows.get(item.id), day.end))
            .toList();
        int done = (int) lines.stream().filter(line -> line.item.doneAt != null).count();
        int withinSla = (int) lines.stream().filter(Line::doneWithinSla).count();
        double[] waits = lines.stream().mapToDouble(Line::waitSeconds).toArray();
        int offered = (int) lines.stream().filter(line -> line.item.firstOfferAt != null).count();
        long waited = Arrays.stream(waits).filter(w -> w > 0).count();
        double[] handles = lines.stream().filter(line -> line.item.doneAt != null)
            .mapToDouble(line -> line.item.handleSeconds).toArray();
        List<AgentFigures> agents = day.agents.values().stream()
            .map(agent -> {
                double loggedIn = agent.loggedInSeconds(day.end);
                return new AgentFigures(agent.id, agent.itemsDone, agent.handleSeconds, loggedIn,
                        ratio(agent.handleSeconds, loggedIn));
            })
            .toList();
        double handled = agents.stream().mapToDouble(AgentFigures::handleSeconds).sum();
        double loggedIn = agents.stream().mapToDouble(AgentFigures::loggedInSeconds).sum();
        DayLog.BacklogPoint last = day.backlog.isEmpty() ? null : day.backlog.get(day.backlog.size() - 1);
        Totals totals = new Totals(day.items.size() + day.refusedCaptures.values().stream().mapToInt(i -> i).sum(),
                day.refusedCaptures.values().stream().mapToInt(i -> i).sum(), offered, lines.size() - offered, done,
                withinSla, ratio(withinSla, lines.stream().filter(Line::countsForServiceLevel).count()),
                (int) lines.stream().filter(Line::overdue).count(),
                last == null ? 0 : last.queued() + last.withAgents(), ratio(waited, waits.length),
                ratio(handled, loggedIn), gini(agents.stream().mapToInt(AgentFigures::itemsDone).toArray()));
        return new RunFigures(name, totals, groups(lines, Line::department), groups(lines, Line::segment),
                Spread.of(waits), Spread.of(handles), agents, List.copyOf(day.backlog),
                new RunInfo(day.start, day.end, Map.copyOf(day.refusedCaptures), day.failedJobs, day.missedOffers,
                        day.refusedAgentActions, wallSeconds));
    }

    /** An item with its row. */
    private record Line(DayLog.Item item, ItemRow row, Instant end) {

        String department() {
            return row == null || row.department() == null ? "(none)" : row.department();
        }

        String segment() {
            return row == null || row.segment() == null ? "(none)" : row.segment();
        }

        /** As the insights count a completion within SLA: at or before the due date, or without one. */
        boolean doneWithinSla() {
            return item.doneAt != null && (row == null || row.dueAt() == null || !item.doneAt.isAfter(row.dueAt()));
        }

        /** The wait in queue, or until the end for an item never offered. */
        double waitSeconds() {
            Double wait = item.waitSeconds();
            return wait != null ? wait : Math.max(0, java.time.Duration.between(item.arrivedAt, end).toNanos() / 1e9);
        }

        /** Done, or past its due date undone: what the service level is a share of. */
        boolean countsForServiceLevel() {
            return item.doneAt != null || overdue();
        }

        boolean overdue() {
            Instant until = item.doneAt != null ? item.doneAt : end;
            return row != null && row.dueAt() != null && until.isAfter(row.dueAt());
        }
    }

    private static List<Group> groups(List<Line> lines, Function<Line, String> by) {
        Map<String, List<Line>> grouped = new TreeMap<>();
        lines.forEach(line -> grouped.computeIfAbsent(by.apply(line), key -> new ArrayList<>()).add(line));
        List<Group> groups = new ArrayList<>();
        grouped.forEach((name, members) -> {
            int done = (int) members.stream().filter(line -> line.item.doneAt != null).count();
            int within = (int) members.stream().filter(Line::doneWithinSla).count();
            Spread waits = Spread.of(members.stream().mapToDouble(Line::waitSeconds).toArray());
            groups.add(new Group(name, members.size(), done, within,
                    ratio(within, members.stream().filter(Line::countsForServiceLevel).count()),
                    (int) members.stream().filter(Line::overdue).count(), waits.mean(), waits.p90()));
        });
        groups.sort(Comparator.comparing(Group::name));
        return groups;
    }

    /** The Gini coefficient: the mean absolute difference between two agents' counts over twice the mean. */
    static Double gini(int[] counts) {
        if (counts.length == 0) {
            return null;
        }
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        double total = Arrays.stream(sorted).sum();
        if (total == 0) {
            return 0.0;
        }
        double weighted = 0;
        for (int i = 0; i < sorted.length; i++) {
            weighted += (2.0 * (i + 1) - sorted.length - 1) * sorted[i];
        }
        return weighted / (sorted.length * total);
    }

    private static Double ratio(double part, double whole) {
        return whole == 0 ? null : part / whole;
    }
}
