package io.worklane.simulation;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code worklane.simulation.*}.
 *
 * @param workDirectory where runs write their input, figures and log (the system's temporary directory)
 * @param timeout how long one run may take before it is stopped
 * @param maxWaiting simulations accepted beyond the one running on this node; more are refused (429)
 */
@ConfigurationProperties("worklane.simulation")
record SimulationProperties(Path workDirectory, Duration timeout, Integer maxWaiting) {

    SimulationProperties {
        workDirectory = workDirectory == null ? Path.of(System.getProperty("java.io.tmpdir"), "worklane-simulations")
                : workDirectory;
        timeout = timeout == null ? Duration.ofHours(1) : timeout;
        maxWaiting = maxWaiting == null ? 3 : maxWaiting;
    }
}
