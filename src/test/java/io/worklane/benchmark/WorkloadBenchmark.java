package io.worklane.benchmark;

import static io.worklane.workitem.WorkItemProcess.PROCESS_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.worklane.ApiClient;
import io.worklane.EngineCleanup;
import io.worklane.PostgresIntegrationTest;

/**
 * Worklane's throughput, latency and footprint (issue #7, routing aside: RouterBenchmark) beside raw-Camunda
 * baselines measured in the same run on the same engine and database. Asserts only that every count is reached,
 * never a time. Only {@code ./mvnw verify -Pbench} runs it; figures go to stdout and {@code target/benchmark/}
 * ({@code workload.json}, {@code workload.md}).
 */
@Tag("benchmark")
class WorkloadBenchmark extends PostgresIntegrationTest {

    private static final int CLIENTS = 8;
    private static final int WARM_UP = 50;
    /**
     * Baselines and their Worklane counterparts take turns in rounds, so that a change in the machine's load (other
     * builds on it) falls on both sides alike.
     */
    private static final int ROUNDS = 4;
    private static final int PER_ROUND = 125;
    /** Captured with the job executor working alongside: end to end, and the footprint of these items. */
    private static final int LIVE_CAPTURES = 400;
    private static final int REAL_ITEMS = WARM_UP + ROUNDS * PER_ROUND + LIVE_CAPTURES;
    private static final int QUEUE_READS = 200;
    private static final String SOURCE = "bench-crm";
    private static final String LOOK_UP_CONTEXT = "Activity_LookUpContext";
    private static final Path OUT = Path.of("target", "benchmark");

    @Autowired
    private RepositoryService repositoryService;

    @Autowired
    private ManagementService managementService;

    @Autowired
    private AuthorizationService authorizationService;

    private final BenchmarkFigures figures = new BenchmarkFigures("workload");
    private final long started = System.nanoTime();

    @BeforeAll
    static void deleteLeftovers(@Autowired RuntimeService runtimeService) throws Exception {
        deleteAllInstances(runtimeService);
    }

    @AfterEach
    void deleteTheLoad() throws Exception {
        // a failed run must not leave the next one with its captures held back
        lookUpContextJobDefinitions().forEach(id -> managementService.activateJobDefinitionById(id, true));
        deleteAllInstances(runtimeService);
        new QueueData(jdbc).deleteBallast();
    }

    private static void deleteAllInstances(RuntimeService runtimeService) throws Exception {
        for (String key : List.of(PROCESS_KEY, RawCamunda.USER_TASK, RawCamunda.ASYNC_TASK)) {
            EngineCleanup.deleteAllInstances(runtimeService, key);
        }
    }

    @Test
    void worklaneBesideRawCamunda() throws Exception {
        RawCamunda raw = new RawCamunda(repositoryService, runtimeService, managementService, authorizationService);
        QueueData data = new QueueData(jdbc);
        raw.deploy();
        List<ApiClient> clients = IntStream.range(0, CLIENTS).mapToObj(i -> as(SOURCE, "source-systems")).toList();
        raw.allowRestStarts(SOURCE);

        // both doors and the job executor once through, so that neither side is measured with a cold JIT
        raw.restStarts(clients, WARM_UP);
        raw.javaStarts(CLIENTS, WARM_UP);
        raw.workOffJobs(WARM_UP);
        capture(clients, "WARM-", WARM_UP);
        awaitQueued(data, "WARM-", WARM_UP);
        phase("warm-up");

        // capture alone, its async step held back as the baseline start has none; then that step alone
        ConcurrentCalls.Run restStarts = null;
        ConcurrentCalls.Run captures = null;
        Duration baselineJobTime = Duration.ZERO;
        Duration queueStepTime = Duration.ZERO;
        List<String> lookUps = lookUpContextJobDefinitions();
        long queueStepRows = 0;
        long baselineJobRows = 0;
        for (int round = 0; round < ROUNDS; round++) {
            restStarts = raw.restStarts(clients, PER_ROUND).and(restStarts);
            lookUps.forEach(id -> managementService.suspendJobDefinitionById(id, false));
            String prefix = "HELD-" + round + "-";
            captures = capture(clients, prefix, PER_ROUND).and(captures);
            assertThat(data.inState("CAPTURED", prefix)).isEqualTo(PER_ROUND);
            long rows = data.rowsWritten();
            long start = System.nanoTime();
            lookUps.forEach(id -> managementService.activateJobDefinitionById(id, true));
            awaitQueued(data, prefix, PER_ROUND);
            queueStepTime = queueStepTime.plusNanos(System.nanoTime() - start);
            long between = data.rowsWritten();
            queueStepRows += between - rows;
            baselineJobTime = baselineJobTime.plus(raw.workOffJobs(PER_ROUND));
            baselineJobRows += data.rowsWritten() - between;
        }
        figures.put("queueStep.rows_per_item", queueStepRows / (double) (ROUNDS * PER_ROUND));
        figures.put("baseline.jobs.rows_per_job", baselineJobRows / (double) (ROUNDS * PER_ROUND));
        run("baseline.restStart", restStarts);
        run("capture.asyncStepHeldBack", captures);
        double baselineJobs = BenchmarkFigures.perSecond(ROUNDS * PER_ROUND, baselineJobTime);
        double queueStepJobs = BenchmarkFigures.perSecond(ROUNDS * PER_ROUND, queueStepTime);
        figures.put("baseline.jobs.per_s", baselineJobs);
        figures.put("queueStep.jobs_per_s", queueStepJobs);
        ConcurrentCalls.Run javaStarts = raw.javaStarts(CLIENTS, ROUNDS * PER_ROUND);
        figures.put("baseline.javaStart.per_s", javaStarts.perSecond());
        EngineCleanup.deleteAllInstances(runtimeService, RawCamunda.USER_TASK);
        phase("rounds of baselines and captures");

        long heapBefore = heapUsedAfterGc();
        QueueData.Footprint before = data.footprint();
        phase("footprint before");

        // end to end: captures and the job executor at once, from the first capture until the last is QUEUED
        long start = System.nanoTime();
        ConcurrentCalls.Run captureUnderLoad = capture(clients, "LIVE-", LIVE_CAPTURES);
        awaitQueued(data, "LIVE-", LIVE_CAPTURES);
        double endToEnd = BenchmarkFigures.perSecond(LIVE_CAPTURES, Duration.ofNanos(System.nanoTime() - start));
        run("capture.withJobExecutor", captureUnderLoad);
        figures.put("endToEnd.items_per_s", endToEnd);
        assertThat(data.queued()).isEqualTo(REAL_ITEMS);
        phase("capture end to end");

        double heapPerItem = (heapUsedAfterGc() - heapBefore) / (double) LIVE_CAPTURES;
        QueueData.Footprint after = data.footprint();
        double camundaBytes = (after.camundaBytes() - before.camundaBytes()) / (double) LIVE_CAPTURES;
        double worklaneBytes = (after.worklaneBytes() - before.worklaneBytes()) / (double) LIVE_CAPTURES;
        figures.put("heap.bytes_per_item", heapPerItem);
        figures.put("database.camunda.bytes_per_item", camundaBytes);
        figures.put("database.worklane.bytes_per_item", worklaneBytes);
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("workload-footprint.txt"), after.growthPerItemSince(before, LIVE_CAPTURES));
        phase("footprint after");

        fillQueueTo(data, 100_000);
        ConcurrentCalls.Run reads100k = queueReads(data, "100k");
        double timerJobs = reprioritizeAll(data);
        phase("reprioritization");

        fillQueueTo(data, 1_000_000);
        ConcurrentCalls.Run reads1m = queueReads(data, "1M");
        phase("queue reads at 1M");

        figures.compare("capture over HTTP, 8 clients, async step held back (vs engine REST start)",
                captures.perSecond(), restStarts.perSecond(), "/s", ">= 0.8x");
        figures.compare("capture latency p50 (vs engine REST start)", captures.p50(), restStarts.p50(), "ms", "");
        figures.compare("capture latency p99 (vs engine REST start)", captures.p99(), restStarts.p99(), "ms", "");
        figures.compare("capture over HTTP while the job executor works (vs engine REST start)",
                captureUnderLoad.perSecond(), restStarts.perSecond(), "/s", "(>= 0.8x)");
        figures.compare("capture latency p50 / p99 while the job executor works", captureUnderLoad.p50(), null, "ms",
                "p99 " + BenchmarkFigures.format(captureUnderLoad.p99()) + " ms");
        figures.compare("raw Camunda: start over the Java API, 8 threads", null, javaStarts.perSecond(), "/s", "");
        figures.compare("end to end, capture to QUEUED (vs job rate)", endToEnd, baselineJobs, "/s", ">= 0.5x");
        figures.compare("async step alone, look up context to QUEUED (vs job rate)", queueStepJobs, baselineJobs,
                "jobs/s", "");
        figures.compare("reprioritization timers at 100,000 queued (vs job rate)", timerJobs, baselineJobs, "jobs/s",
                "");
        figures.compare("rows written per item: async step (vs a baseline job)", figures.get("queueStep.rows_per_item"),
                figures.get("baseline.jobs.rows_per_job"), "rows", "");
        figures.compare("rows written per priority step (vs a baseline job)",
                figures.get("reprioritization.rows_per_step"), figures.get("baseline.jobs.rows_per_job"), "rows", "");
        figures.compare("GET /api/queue?limit=50 p50 at 100,000 queued", reads100k.p50(), null, "ms", "");
        figures.compare("GET /api/queue?limit=50 p99 at 100,000 queued", reads100k.p99(), null, "ms", "");
        figures.compare("GET /api/queue?limit=50 p50 at 1,000,000 queued", reads1m.p50(), null, "ms", "");
        figures.compare("GET /api/queue?limit=50 p99 at 1,000,000 queued", reads1m.p99(), null, "ms", "<= 20 ms");
        figures.compare("heap per queued item", heapPerItem, null, "bytes", "");
        figures.compare("database per queued item, ACT_* tables", camundaBytes, null, "bytes", "");
        figures.compare("database per queued item, Worklane tables", worklaneBytes, null, "bytes", "");
        figures.note("sizes: " + ROUNDS + " rounds of " + PER_ROUND + " engine REST starts, held-back captures, their "
                + "async steps and baseline jobs, taking turns; " + ROUNDS * PER_ROUND + " Java API starts; "
                + LIVE_CAPTURES + " captures end to end (also the footprint's items); " + QUEUE_READS + " reads per "
                + "size; after a warm-up of " + WARM_UP + " of each; ballast rows fill the queue below " + REAL_ITEMS
                + " real items");
        figures.note("database bytes are live data (VACUUM FULL before and after), with indexes and TOAST; per table "
                + "in workload-footprint.txt");
        figures.note("queue reads: HTTP with Basic authentication (checked against Camunda's identity service on "
                + "every call); itemRead.* GET /api/work-items/{id} (the floor of "
                + "an authenticated API call), httpFloor.* GET /actuator/info (no authentication)");
        figures.write(OUT);
    }

    private ConcurrentCalls.Run capture(List<ApiClient> clients, String prefix, int count) throws Exception {
        return ConcurrentCalls.run(clients.size(), count, (client, sequence) -> {
            var captured = clients.get(client).post("/api/work-items", Map.of("externalId", prefix + sequence,
                    "requestType", "Lead", "customerSegment", "Gold"));
            if (captured.status() != 201) {
                throw new IllegalStateException("capture failed: " + captured);
            }
        });
    }

    private static void awaitQueued(QueueData data, String prefix, int count) {
        await().atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> data.inState("QUEUED", prefix) == count);
    }

    private List<String> lookUpContextJobDefinitions() {
        return managementService.createJobDefinitionQuery()
            .processDefinitionKey(PROCESS_KEY)
            .activityIdIn(LOOK_UP_CONTEXT)
            .list()
            .stream()
            .map(JobDefinition::getId)
            .toList();
    }

    private void fillQueueTo(QueueData data, int queued) {
        long start = System.nanoTime();
        data.addBallast(queued - data.queued());
        assertThat(data.queued()).isEqualTo(queued);
        figures.put("setup.ballastTo" + queued + ".ms", Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    /**
     * A supervisor's look at the top of the queue, one call after another; beside it an authenticated read of one
     * item and an unauthenticated call, to tell the query's share from the HTTP and authentication's (the queue
     * page's statements at a million rows: SupervisorBenchmark).
     */
    private ConcurrentCalls.Run queueReads(QueueData data, String size) throws Exception {
        ApiClient supervisor = supervisor();
        ConcurrentCalls.Run reads = timedReads((client, sequence) -> {
            var top = supervisor.get("/api/queue?limit=50");
            if (top.status() != 200 || top.body().path("items").size() != 50) {
                throw new IllegalStateException("queue read failed: " + top);
            }
        });
        put("queueApi." + size, reads);
        String itemId = jdbc.queryForObject("SELECT id FROM work_item WHERE source_system = ? LIMIT 1", String.class,
                SOURCE);
        put("itemRead." + size, timedReads((client, sequence) -> {
            if (supervisor.get("/api/work-items/" + itemId).status() != 200) {
                throw new IllegalStateException("item read failed");
            }
        }));
        ApiClient anonymous = anonymous();
        put("httpFloor." + size, timedReads((client, sequence) -> {
            if (anonymous.get("/actuator/info").status() != 200) {
                throw new IllegalStateException("actuator info failed");
            }
        }));
        return reads;
    }

    /**
     * Every real item reaches its next priority step at once; the clock runs until the job executor has fired all
     * those timers (each fired one is replaced by its next step's, due later). No agents: nothing is offered.
     */
    private double reprioritizeAll(QueueData data) {
        int timers = data.reprioritizationTimers();
        assertThat(timers).as("a reprioritization timer per real item").isEqualTo(REAL_ITEMS);
        long rows = data.rowsWritten();
        Timestamp due = Timestamp.from(Instant.now());
        long start = System.nanoTime();
        data.makeReprioritizationTimersDue(due);
        await().atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> data.reprioritizationTimersDueBy(due) == 0 && data.reprioritizationTimers() == timers);
        double perSecond = BenchmarkFigures.perSecond(timers, Duration.ofNanos(System.nanoTime() - start));
        assertThat(data.failedJobs()).isZero();
        assertThat(data.queued()).isEqualTo(100_000);
        // less the benchmark's own update of the timers' due dates
        figures.put("reprioritization.rows_per_step", (data.rowsWritten() - rows - timers) / (double) timers);
        figures.put("reprioritization.timers", timers);
        figures.put("reprioritization.jobs_per_s", perSecond);
        return perSecond;
    }

    /** After a warm-up long enough for the driver to prepare statements on the server and PostgreSQL to pick a plan. */
    private static ConcurrentCalls.Run timedReads(ConcurrentCalls.Call read) throws Exception {
        ConcurrentCalls.run(1, 50, read);
        return ConcurrentCalls.run(1, QUEUE_READS, read);
    }

    private void put(String name, ConcurrentCalls.Run reads) {
        figures.put(name + ".p50_ms", reads.p50());
        figures.put(name + ".p99_ms", reads.p99());
        figures.put(name + ".max_ms", reads.latenciesMs().get(reads.latenciesMs().size() - 1));
    }

    private void phase(String name) {
        System.out.printf("# %s done after %d s%n", name, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private void run(String name, ConcurrentCalls.Run run) {
        figures.put(name + ".per_s", run.perSecond());
        figures.put(name + ".p50_ms", run.p50());
        figures.put(name + ".p99_ms", run.p99());
    }

    private static long heapUsedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
