package io.worklane.simulation;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code worklane.simulation.*}.
 *
 * @param workDirectory where runs write their input, figures and log ({@code data/simulations}; owner-only)
 * @param timeout how long one run may take before it is stopped
 * @param maxWaiting simulations accepted beyond the one running on this node; more are refused (429)
 * @param maxHeap each run's JVM heap
 * @param parallelRuns how many runs of a simulation at once (each takes a core)
 */
@ConfigurationProperties("worklane.simulation")
record SimulationProperties(Path workDirectory, Duration timeout, Integer maxWaiting, String maxHeap,
        Integer parallelRuns) {

    SimulationProperties {
        workDirectory = workDirectory == null ? Path.of("data", "simulations") : workDirectory;
        maxHeap = maxHeap == null ? "1g" : maxHeap;
        if (!maxHeap.matches("[0-9]{1,6}[mMgG]")) {
            throw new IllegalArgumentException("worklane.simulation.max-heap is a size like 1g or 768m");
        }
        parallelRuns = parallelRuns == null ? 1 : parallelRuns;
        timeout = timeout == null ? Duration.ofHours(1) : timeout;
        maxWaiting = maxWaiting == null ? 3 : maxWaiting;
    }
}
