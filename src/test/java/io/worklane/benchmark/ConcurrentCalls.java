package io.worklane.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A number of calls spread over a fixed number of clients, each client calling one after another as fast as it
 * gets answers (closed loop), every call timed.
 */
final class ConcurrentCalls {

    /** One call: the client number (0..clients-1) and the call's sequence number (0..count-1). */
    @FunctionalInterface
    interface Call {
        void run(int client, int sequence) throws Exception;
    }

    /** What a run measured; latencies ascending, in milliseconds. */
    record Run(int calls, Duration elapsed, List<Double> latenciesMs) {

        double perSecond() {
            return BenchmarkFigures.perSecond(calls, elapsed);
        }

        double p50() {
            return BenchmarkFigures.percentile(latenciesMs, 0.50);
        }

        double p99() {
            return BenchmarkFigures.percentile(latenciesMs, 0.99);
        }

        /** This run and another as one: calls and time added, latencies pooled. */
        Run and(Run other) {
            if (other == null) {
                return this;
            }
            List<Double> pooled = new ArrayList<>(latenciesMs);
            pooled.addAll(other.latenciesMs());
            Collections.sort(pooled);
            return new Run(calls + other.calls(), elapsed.plus(other.elapsed()), pooled);
        }
    }

    private ConcurrentCalls() {
    }

    static Run run(int clients, int count, Call call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Callable<List<Double>>> loops = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int clientNumber = client;
            loops.add(() -> {
                List<Double> latencies = new ArrayList<>();
                for (int sequence = next.getAndIncrement(); sequence < count; sequence = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    call.run(clientNumber, sequence);
                    latencies.add((System.nanoTime() - start) / 1e6);
                }
                return latencies;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Double> latencies = new ArrayList<>();
            for (Future<List<Double>> loop : pool.invokeAll(loops)) {
                latencies.addAll(loop.get());
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Collections.sort(latencies);
            return new Run(count, elapsed, latencies);
        }
        finally {
            pool.shutdown();
        }
    }
}
