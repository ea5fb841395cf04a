package io.worklane.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@ExtendWith(OutputCaptureExtension.class)
class RoutingConfigurationTests {

    private final ThreadPoolTaskExecutor executor = new RoutingConfiguration().routingExecutor();

    @Test
    void anEventRefusedAtShutdownIsLeftToTheSweepWithoutAnException(CapturedOutput output) {
        executor.initialize();
        executor.shutdown();
        AtomicInteger ran = new AtomicInteger();

        assertThatNoException().isThrownBy(() -> executor.execute(ran::incrementAndGet));

        assertThat(ran).hasValue(0);
        assertThat(output).contains("Node shutting down: a routing event is left to the sweep");
    }

    @Test
    void anEventRefusedByAFullQueueIsLeftToTheNextSweep(CapturedOutput output) throws Exception {
        executor.initialize();
        CountDownLatch release = new CountDownLatch(1);
        try {
            for (int i = 0; i < 2 + RoutingConfiguration.QUEUE_CAPACITY; i++) {
                executor.execute(() -> awaitQuietly(release));
            }
            AtomicInteger ran = new AtomicInteger();

            assertThatNoException().isThrownBy(() -> executor.execute(ran::incrementAndGet));

            assertThat(output).contains("Routing queue full (10000 events waiting)");
            release.countDown();
            executor.getThreadPoolExecutor().shutdown();
            assertThat(executor.getThreadPoolExecutor().awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).hasValue(0);
        }
        finally {
            release.countDown();
            executor.shutdown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
