package io.worklane.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/**
 * The supervisor console's load: the queue page at 1,000,000 items with a filter and a non-default sort, a deep
 * page, and a bulk hold of 10,000 real items with the router's READY-to-offer latency while it runs (against the
 * same latency with nothing else running). Only {@code ./mvnw verify -Pbench} runs it; figures go to stdout and
 * {@code target/benchmark/supervisor.*}.
 */
@Tag("benchmark")
class SupervisorBenchmark extends PostgresIntegrationTest {

    private static final int CLIENTS = 8;
    private static final int BULK_ITEMS = 10_000;
    private static final int PAGE_READS = 200;
    private static final int OFFER_CYCLES = 40;
    private static final Path OUT = Path.of("target", "benchmark");

    private final BenchmarkFigures figures = new BenchmarkFigures("supervisor");

    @Test
    void queuePageAndBulkHold() throws Exception {
        ApiClient olga = supervisor();
        ApiClient crm = sourceSystem("bench-crm");
        List<ApiClient> clients = IntStream.range(0, CLIENTS).mapToObj(i -> sourceSystem("bench-crm")).toList();

        // 10,000 real Sales leads, queued; Finance invoices for the router to offer meanwhile
        ConcurrentCalls.Run captures = ConcurrentCalls.run(CLIENTS, BULK_ITEMS, (client, n) -> {
            var captured = clients.get(client).post("/api/work-items", Map.of("externalId", "SB-" + n, "requestType",
                    "Lead", "customerSegment", n % 3 == 0 ? "Gold" : "Silver"));
            if (captured.status() != 201) {
                throw new IllegalStateException("capture failed: " + captured);
            }
        });
        figures.put("setup.captures_per_s", captures.perSecond());
        for (int i = 0; i < 2 * OFFER_CYCLES + 10; i++) {
            crm.post("/api/work-items", Map.of("externalId", "SB-F-" + i, "requestType", "Invoice"));
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
            .until(() -> count("SELECT COUNT(*) FROM work_item WHERE state = 'QUEUED'") == BULK_ITEMS + 2 * OFFER_CYCLES
                    + 10);

        // the page at 1,000,000 queued: ballast of varied due dates, segments and departments below the real items
        QueueData data = new QueueData(jdbc);
        data.addVariedBallast(1_000_000 - data.queued());
        put("page.distribution", reads(olga, "/api/queue?limit=50"));
        put("page.filteredByDue", reads(olga, "/api/queue?department=Sales&segment=Gold&sort=due&limit=50"));
        put("page.everyOpenStateByCaptured",
                reads(olga, "/api/queue?state=QUEUED&state=PARKED&state=HELD&sort=captured&limit=50"));
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            var answer = olga.get("/api/queue?department=Sales&sort=due&limit=50" + (cursor == null ? "" : "&cursor="
                    + cursor));
            cursor = answer.body().path("next").asText();
        }
        String deep = cursor;
        put("page.filteredByDue.page101", reads(olga, "/api/queue?department=Sales&sort=due&limit=50&cursor=" + deep));
        put("page.countFilter", reads(olga, "/api/queue?department=Sales&segment=Gold&limit=1&count=true"));
        data.deleteBallast();

        // the router alone: an agent goes READY, how long until an item is theirs
        ApiClient fiona = agent("fiona", Map.of("Finance Processing", 9), 1);
        ConcurrentCalls.Run idle = readyToOffer(fiona, OFFER_CYCLES / 2);

        // a bulk hold of the 10,000 leads, with the router working beside it
        var preview = olga.post("/api/queue/bulk/preview", Map.of("query", Map.of("department", "Sales")));
        assertThat(preview.body().path("count").asLong()).isEqualTo(BULK_ITEMS);
        long start = System.nanoTime();
        var started = olga.post("/api/queue/bulk", Map.of("action", "HOLD", "query", Map.of("department", "Sales"),
                "expectedCount", BULK_ITEMS));
        assertThat(started.status()).isEqualTo(202);
        String operation = started.text("id");
        ConcurrentCalls.Run duringBulk = readyToOffer(fiona, OFFER_CYCLES);
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
            .until(() -> !olga.get("/api/queue/bulk/" + operation).body().path("finishedAt").isNull());
        double bulkPerSecond = BenchmarkFigures.perSecond(BULK_ITEMS, Duration.ofNanos(System.nanoTime() - start));
        var progress = olga.get("/api/queue/bulk/" + operation).body();
        assertThat(progress.path("done").asInt()).isEqualTo(BULK_ITEMS);
        assertThat(count("SELECT COUNT(*) FROM work_item WHERE state = 'HELD'")).isEqualTo(BULK_ITEMS);
        figures.put("bulk.hold.items_per_s", bulkPerSecond);
        put("router.readyToOffer.idle", idle);
        put("router.readyToOffer.duringBulk", duringBulk);

        figures.compare("GET /api/queue, distribution order, p99 at 1,000,000", p99("page.distribution"), null, "ms",
                "<= 100 ms");
        figures.compare("GET /api/queue, department + segment, by due date, p99 at 1,000,000",
                p99("page.filteredByDue"), null, "ms", "<= 100 ms");
        figures.compare("GET /api/queue, three states, by capture, p99 at 1,000,000",
                p99("page.everyOpenStateByCaptured"), null, "ms", "<= 100 ms");
        figures.compare("the same filter by due date, page 101 (cursor), p99", p99("page.filteredByDue.page101"),
                null, "ms", "<= 100 ms");
        figures.compare("count=true for department + segment, p99", p99("page.countFilter"), null, "ms", "");
        figures.compare("bulk hold of 10,000 items", bulkPerSecond, null, "items/s", "");
        figures.compare("router READY to offer, p99 during the bulk hold (vs idle)", duringBulk.p99(), idle.p99(),
                "ms", "");
        figures.note("page reads: " + PAGE_READS + " sequential calls each, HTTP with Basic authentication, after 50 "
                + "warm-up calls; ballast rows: 1/3 Gold, 1/5 Finance, due dates spread over a week");
        figures.note("READY to offer: an agent goes READY over the API; the time until the router has assigned one of "
                + "the queued Finance items to them (polled every 5 ms); then the item is marked done");
        Files.createDirectories(OUT);
        figures.write(OUT);
    }

    /** READY, wait until an item is assigned, mark it done, NOT_READY; the latency of each READY to its offer. */
    private ConcurrentCalls.Run readyToOffer(ApiClient agent, int cycles) throws Exception {
        List<Double> latencies = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < cycles; i++) {
            long ready = System.nanoTime();
            assertThat(agent.put("/api/agents/fiona/presence", Map.of("state", "READY")).status()).isEqualTo(200);
            String item = await().atMost(Duration.ofMinutes(1)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(5))
                .until(() -> jdbc.queryForList("SELECT id FROM work_item WHERE assignee = 'fiona' "
                        + "AND state = 'IN_PROGRESS'", String.class), held -> !held.isEmpty())
                .get(0);
            latencies.add((System.nanoTime() - ready) / 1_000_000.0);
            assertThat(agent.put("/api/agents/fiona/presence", Map.of("state", "NOT_READY", "reason", "Pause"))
                .status()).isEqualTo(200);
            assertThat(agent.post("/api/agents/fiona/items/" + item + "/done", Map.of()).status()).isEqualTo(200);
        }
        latencies.sort(Double::compare);
        return new ConcurrentCalls.Run(cycles, Duration.ofNanos(System.nanoTime() - start), latencies);
    }

    private static ConcurrentCalls.Run reads(ApiClient client, String path) throws Exception {
        ConcurrentCalls.Call read = (c, n) -> {
            var answer = client.get(path);
            if (answer.status() != 200) {
                throw new IllegalStateException(path + ": " + answer);
            }
        };
        ConcurrentCalls.run(1, 50, read);
        return ConcurrentCalls.run(1, PAGE_READS, read);
    }

    private final Map<String, Double> p99s = new java.util.HashMap<>();

    private void put(String name, ConcurrentCalls.Run run) {
        figures.put(name + ".p50_ms", run.p50());
        figures.put(name + ".p99_ms", run.p99());
        p99s.put(name, run.p99());
    }

    private Double p99(String name) {
        return p99s.get(name);
    }
}
