package io.worklane.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;
import io.worklane.benchmark.BenchmarkFigures;

/**
 * Issue #17's figures: the reports over 90 days of about 10,000,000 generated events (1,000,000 items, 1,000 agents),
 * a rebuild's rate, and what keeping the facts costs capture and offers against the same run without them. Asserts
 * only that the work was done, never a time. {@code ./mvnw verify -Pbench}; figures in
 * {@code target/benchmark/insights.json} and on stdout.
 */
@Tag("benchmark")
class InsightsBenchmark extends PostgresIntegrationTest {

    private static final int ITEMS = Integer.getInteger("worklane.bench.insights.items", 1_000_000);
    private static final int DAYS = 90;
    private static final int AGENTS = 1000;
    private static final int TIMED_CALLS = 20;

    @Autowired
    private FactRebuild rebuild;

    @Autowired
    private FactInbox inbox;

    @Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    private final BenchmarkFigures figures = new BenchmarkFigures("insights");

    @AfterEach
    void writeFiguresAndForgetTheHistory() throws Exception {
        inbox.keep(true);
        figures.write(Path.of("target", "benchmark"));
        // more instances than the next test's clean-up deletes in its time
        List<String> instances = runtimeService.createProcessInstanceQuery().processDefinitionKey("work-item").list()
            .stream().map(instance -> instance.getId()).toList();
        for (int from = 0; from < instances.size(); from += 200) {
            runtimeService.deleteProcessInstances(instances.subList(from, Math.min(instances.size(), from + 200)),
                    "benchmark clean-up", true, true, true);
        }
        jdbc.execute("TRUNCATE webhook_outbox, work_item_event, report_inbox, report_fact, report_duration, report_presence");
        jdbc.execute("TRUNCATE work_item CASCADE");
    }

    @Test
    void reportsOverNinetyDaysOfTenMillionEvents() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long started = System.nanoTime();
        generate(today.minusDays(DAYS - 1));
        long events = count("SELECT COUNT(*) FROM work_item_event");
        figures.put("generatedEvents", events);
        figures.put("generatedItems", count("SELECT COUNT(*) FROM work_item"));
        figures.put("generateSeconds", (System.nanoTime() - started) / 1_000_000_000L);
        jdbc.execute("ANALYZE work_item_event");
        jdbc.execute("ANALYZE work_item");

        FactRebuild.Outcome outcome = rebuild.rebuild();
        assertThat(outcome.events()).isEqualTo(events);
        // autovacuum is off on the benchmark's database: do what it would do after a rebuild rewrote the tables
        jdbc.execute("VACUUM ANALYZE report_fact");
        jdbc.execute("VACUUM ANALYZE report_duration");
        jdbc.execute("VACUUM ANALYZE report_presence");
        figures.put("rebuildSeconds", outcome.millis() / 1000.0);
        figures.put("rebuildEventsPerSecond", outcome.eventsPerSecond());
        figures.put("rebuildPresenceChanges", outcome.presenceChanges());
        figures.put("rebuildPresenceSeconds", outcome.presenceMillis() / 1000.0);
        figures.put("presenceRows", count("SELECT COUNT(*) FROM report_presence"));
        figures.put("factRows", count("SELECT COUNT(*) FROM report_fact"));
        figures.put("durationRows", count("SELECT COUNT(*) FROM report_duration"));

        ApiClient boss = supervisor();
        time("liveQueue", () -> boss.get("/api/reports/live/queue"));
        time("liveAgents", () -> boss.get("/api/reports/live/agents"));
        String range = "from=" + today.minusDays(DAYS - 1) + "&to=" + today;
        for (Report report : Report.values()) {
            if (report.readsItems()) {
                time(report.id() + ".oneDay", () -> boss.get("/api/reports/" + report.id() + "?from=" + today.minusDays(1)
                        + "&to=" + today.minusDays(1)));
                continue;
            }
            // per agent by day, 90 days of 1,000 agents are 90,000 rows: one agent's, as a supervisor reads them
            String agent = report.perAgent() ? "&agent=agent7" : "";
            time(report.id() + ".90daysByDay" + (agent.isEmpty() ? "" : "OneAgent"), () -> boss.get("/api/reports/"
                    + report.id() + "?" + range + "&grain=day" + agent));
            time(report.id() + ".90daysTotal", () -> boss.get("/api/reports/" + report.id() + "?" + range + "&grain=total"));
        }
        time("intraday-process.oneDayByInterval", () -> boss.get("/api/reports/intraday-process?from=" + today.minusDays(1)
                + "&to=" + today.minusDays(1) + "&grain=interval"));
    }

    /**
     * Rounds of capture, then READY agents taking every item, with the facts kept and not, in alternating order. Each
     * half starts once the fold has caught up, so that one half's folding does not fall in the other's time. Ratios
     * are taken per round (the two halves run back to back) and their median reported, with the spread.
     */
    @Test
    void keepingFactsCostsLittleOfCaptureAndOffers() throws Exception {
        ApiClient crm = sourceSystem("bench-insights");
        int perRound = Integer.getInteger("worklane.bench.insights.round-items", 200);
        int rounds = Integer.getInteger("worklane.bench.insights.rounds", 8);
        int agentsPerRound = perRound / 10;
        Map<Boolean, List<Double>> captures = Map.of(true, new ArrayList<>(), false, new ArrayList<>());
        Map<Boolean, List<Double>> offers = Map.of(true, new ArrayList<>(), false, new ArrayList<>());
        Map<Boolean, List<Double>> caughtUp = Map.of(true, new ArrayList<>(), false, new ArrayList<>());
        double keptMillis = 0;
        double foldMillis = 0;
        double foldedRows = 0;
        for (int round = 0; round < rounds; round++) {
            // alternate which goes first, so that a drift in the machine's load falls on both alike
            for (boolean keep : round % 2 == 0 ? new boolean[] { true, false } : new boolean[] { false, true }) {
                await().atMost(Duration.ofMinutes(5)).until(() -> count("SELECT COUNT(*) FROM report_inbox") == 0);
                inbox.keep(keep);
                String tag = "r" + round + (keep ? "k" : "n");
                double foldMillisBefore = foldTimer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS);
                double foldedBefore = meters.get("worklane.insights.folded").counter().count();
                long start = System.nanoTime();
                List<String> ids = capture(crm, tag, perRound);
                captures.get(keep).add(perRound * 1e9 / (System.nanoTime() - start));
                await().atMost(Duration.ofMinutes(5)).until(() -> count("SELECT COUNT(*) FROM work_item WHERE external_id LIKE ? "
                        + "AND state = 'QUEUED'", tag + "-%") == perRound);
                List<ApiClient> agents = new ArrayList<>();
                for (int i = 0; i < agentsPerRound; i++) {
                    agents.add(agent(tag + "a" + i, Map.of("Sales Processing", 5), 10));
                }
                long offering = System.nanoTime();
                for (int i = 0; i < agents.size(); i++) {
                    agents.get(i).put("/api/agents/" + tag + "a" + i + "/presence", Map.of("state", "READY"));
                }
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() -> count(
                        "SELECT COUNT(*) FROM work_item WHERE external_id LIKE ? AND state <> 'QUEUED'", tag + "-%")
                        == perRound);
                offers.get(keep).add(perRound * 1e9 / (System.nanoTime() - offering));
                // everything the half wrote folded: its whole cost inside its time (a fold runs every second)
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> count("SELECT COUNT(*) FROM report_inbox") == 0);
                caughtUp.get(keep).add(perRound * 1e9 / (System.nanoTime() - start));
                if (keep) {
                    keptMillis += (System.nanoTime() - start) / 1e6;
                    foldMillis += foldTimer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS) - foldMillisBefore;
                    foldedRows += meters.get("worklane.insights.folded").counter().count() - foldedBefore;
                }
                assertThat(ids).hasSize(perRound);
            }
        }
        inbox.keep(true);
        figures.put("throughputRounds", rounds);
        figures.put("throughputItemsPerRound", perRound);
        report("capture", captures);
        report("offers", offers);
        report("captureToOfferedAndFolded", caughtUp);
        // the facts' own work, timed where it happens: the folds, and one inbox row per event in its transaction
        double insertMicros = inboxInsertMicros();
        figures.put("foldMillisPerKeptRun", foldMillis / rounds);
        figures.put("foldedRowsPerKeptRun", foldedRows / rounds);
        figures.put("inboxInsertMicros", insertMicros);
        figures.put("keptRunMillis", keptMillis / rounds);
        figures.put("foldPercentOfKeptRunTime", 100 * foldMillis / keptMillis);
        figures.put("factsWorkPercentOfKeptRunTime", 100 * (foldMillis + foldedRows * insertMicros / 1000) / keptMillis);
    }

    private io.micrometer.core.instrument.Timer foldTimer() {
        return meters.get("worklane.insights.fold").timer();
    }

    /** An inbox row as FactInbox writes it, in a transaction that writes other rows too: its cost in microseconds. */
    private double inboxInsertMicros() {
        int rows = 20_000;
        long start = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < rows; i++) {
                jdbc.update("INSERT INTO report_inbox (kind, ref_id) VALUES (?, ?)", "E", -1L - i);
            }
            status.setRollbackOnly();
        });
        return (System.nanoTime() - start) / 1e3 / rows;
    }

    private void report(String figure, Map<Boolean, List<Double>> rates) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < rates.get(true).size(); round++) {
            ratios.add(rates.get(true).get(round) / rates.get(false).get(round));
        }
        figures.put(figure + "WithFactsPerSecond", median(rates.get(true)));
        figures.put(figure + "WithoutFactsPerSecond", median(rates.get(false)));
        figures.put(figure + "Ratio", median(ratios));
        figures.put(figure + "RatioMin", Collections.min(ratios));
        figures.put(figure + "RatioMax", Collections.max(ratios));
    }

    private List<String> capture(ApiClient crm, String tag, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String externalId = tag + "-" + i;
                calls.add(clients.submit(() -> crm.post("/api/work-items", Map.of("externalId", externalId,
                        "requestType", "Lead", "customerSegment", "Gold")).text("id")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> call : calls) {
                ids.add(call.get());
            }
            return ids;
        }
        finally {
            clients.shutdown();
        }
    }

    private void time(String name, Supplier<ApiClient.Response> call) {
        assertThat(call.get().status()).as(name).isEqualTo(200);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < TIMED_CALLS; i++) {
            long start = System.nanoTime();
            ApiClient.Response response = call.get();
            millis.add((System.nanoTime() - start) / 1e6);
            assertThat(response.status()).as(name).isEqualTo(200);
        }
        Collections.sort(millis);
        figures.put(name + ".p50Ms", BenchmarkFigures.percentile(millis, 0.5));
        figures.put(name + ".maxMs", millis.get(millis.size() - 1));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return BenchmarkFigures.percentile(sorted, 0.5);
    }

    /**
     * {@code ITEMS} items spread evenly over the days from {@code first}: 10 departments, 3 processes, 3 segments,
     * 5 source systems, 1,000 agents; each captured, classified, queued, reprioritized twice, offered, accepted, done,
     * updated and completed (the newest 1 % still open), and four presence changes per agent and day.
     */
    private void generate(LocalDate first) {
        transactions.executeWithoutResult(status -> generateInOneTransaction(first));
    }

    private void generateInOneTransaction(LocalDate first) {
        long span = (long) DAYS * 86_400;
        // generated rows are consistent by construction: no foreign-key triggers, and the event log's secondary
        // indexes built once at the end instead of row by row
        jdbc.execute("SET LOCAL session_replication_role = replica");
        jdbc.execute("DROP INDEX work_item_event_time_idx");
        jdbc.execute("DROP INDEX work_item_event_agent_idx");
        jdbc.update("""
                INSERT INTO work_item (id, source_system, external_id, state, department, process, customer_segment,
                                       media_type, priority, deal_value, due_at, captured_at, completed_at, updated_at)
                SELECT 'g' || n, 'src' || (n % 5), 'G-' || n, CASE WHEN n > ? * 0.99 THEN 'QUEUED' ELSE 'COMPLETED' END,
                       'Dept' || (n % 10), 'Process' || (n % 3), (ARRAY['Gold', 'Silver', 'Bronze'])[n % 3 + 1],
                       'workitem', n % 100, n % 1000, at + INTERVAL '8 hours',
                       at, CASE WHEN n > ? * 0.99 THEN NULL ELSE at + INTERVAL '3 hours' END, at
                  FROM (SELECT n, CAST(? AS TIMESTAMP WITH TIME ZONE) + n * (? * INTERVAL '1 second') / ? AS at
                          FROM generate_series(1, ?) n) items""", ITEMS, ITEMS, first.atStartOfDay(ZoneOffset.UTC)
            .toOffsetDateTime(), span, ITEMS, ITEMS);
        jdbc.update("""
                INSERT INTO work_item_event (work_item_id, type, state, actor_type, agent_id, occurred_at, department,
                                             process, customer_segment, source_system, media_type, priority, deal_value,
                                             due_at)
                SELECT w.id, e.type, e.state, 'SYSTEM', CASE WHEN e.agent THEN 'agent' || (n % ?) END,
                       w.captured_at + (e.after + CASE e.seq WHEN 8 THEN g.n % 60 WHEN 10 THEN g.n % 400 ELSE 0 END)
                                       * INTERVAL '1 minute',
                       CASE WHEN e.type = 'CAPTURED' THEN NULL ELSE w.department END,
                       CASE WHEN e.type = 'CAPTURED' THEN NULL ELSE w.process END,
                       w.customer_segment, w.source_system, 'workitem', w.priority + e.seq, w.deal_value, w.due_at
                  FROM (SELECT n, 'g' || n AS id FROM generate_series(1, ?) n) g
                  JOIN work_item w ON w.id = g.id
                  CROSS JOIN (VALUES (1, 'CAPTURED', 'CAPTURED', 0, false), (2, 'CLASSIFIED', 'QUEUED', 0, false),
                                     (3, 'QUEUED', 'QUEUED', 0, false), (4, 'REPRIORITIZED', 'QUEUED', 30, false),
                                     (5, 'REPRIORITIZED', 'QUEUED', 60, false), (6, 'OFFERED', 'OFFERED', 70, true),
                                     (7, 'ACCEPTED', 'IN_PROGRESS', 71, true),
                                     (8, 'DONE', 'AWAITING_CONFIRMATION', 100, true),
                                     (9, 'UPDATED', 'AWAITING_CONFIRMATION', 170, false),
                                     (10, 'COMPLETED', 'COMPLETED', 180, false))
                       AS e(seq, type, state, after, agent)
                 WHERE w.state = 'COMPLETED' OR e.seq <= 5""", AGENTS, ITEMS);
        jdbc.update("INSERT INTO agent (id, display_name, presence, presence_since) SELECT 'agent' || a, 'Agent ' || a, "
                + "'LOGGED_OUT', now() FROM generate_series(0, ?) a", AGENTS - 1);
        jdbc.update("""
                INSERT INTO agent_presence_change (agent_id, from_state, from_reason, to_state, to_reason, changed_at,
                                                   changed_by)
                SELECT 'agent' || a, p.from_state, p.from_reason, p.to_state, p.to_reason,
                       CAST(? AS TIMESTAMP WITH TIME ZONE) + d * INTERVAL '1 day' + p.at * INTERVAL '1 minute', 'bench'
                  FROM generate_series(0, ?) a CROSS JOIN generate_series(0, ?) d
                  CROSS JOIN (VALUES ('LOGGED_OUT', NULL, 'READY', NULL, 480), ('READY', NULL, 'NOT_READY', 'Lunch', 720),
                                     ('NOT_READY', 'Lunch', 'READY', NULL, 750), ('READY', NULL, 'LOGGED_OUT', NULL, 1020))
                       AS p(from_state, from_reason, to_state, to_reason, at)""",
                first.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime(), AGENTS - 1, DAYS - 1);
        jdbc.execute("CREATE INDEX work_item_event_time_idx ON work_item_event (occurred_at)");
        jdbc.execute("CREATE INDEX work_item_event_agent_idx ON work_item_event (agent_id, occurred_at)");
    }
}
