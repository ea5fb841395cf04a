package io.worklane.routing;

import java.util.concurrent.RejectedExecutionHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration
@EnableConfigurationProperties(RoutingProperties.class)
class RoutingConfiguration {

    static final String EXECUTOR = "routingExecutor";
    static final int QUEUE_CAPACITY = 10_000;

    private static final Logger log = LoggerFactory.getLogger(RoutingConfiguration.class);

    /** Routing runs off the request and job-executor threads, so capture and agent calls answer at once. */
    @Bean(EXECUTOR)
    @Profile("!simulation") // a simulation runs routing on its own thread (io.worklane.simulation.DeferredRouting)
    ThreadPoolTaskExecutor routingExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("routing-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(QUEUE_CAPACITY);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.setRejectedExecutionHandler(leaveToTheSweep());
        return executor;
    }

    /**
     * A routing event is only a hint: the sweep offers work to every ready agent anyway. One refused while the node
     * shuts down (the executor stops taking tasks as the context closes, the job executor still runs a little
     * longer) or while its queue is full is left to the next sweep, of this node or another, instead of an
     * exception in the after-commit callback of a transaction that has already committed.
     */
    static RejectedExecutionHandler leaveToTheSweep() {
        return (task, pool) -> {
            if (pool.isShutdown()) {
                log.info("Node shutting down: a routing event is left to the sweep of a running node");
            }
            else {
                log.warn("Routing queue full ({} events waiting): an event is left to the next sweep",
                        pool.getQueue().size());
            }
        };
    }
}
