package io.worklane.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;
import org.springframework.stereotype.Component;

/**
 * The task scheduler of a simulation, where nothing is scheduled on real time: what the router retries "shortly"
 * runs with the routing at the same virtual instant.
 */
@Component
@Profile(SimulationRun.PROFILE)
class VirtualScheduler implements TaskScheduler {

    private final DeferredRouting routing;

    VirtualScheduler(DeferredRouting routing) {
        this.routing = routing;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
        routing.execute(task);
        return new Done();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
        throw new UnsupportedOperationException("a simulation schedules nothing repeatedly");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
        throw new UnsupportedOperationException("a simulation schedules nothing repeatedly");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
        throw new UnsupportedOperationException("a simulation schedules nothing repeatedly");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
        throw new UnsupportedOperationException("a simulation schedules nothing repeatedly");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
        throw new UnsupportedOperationException("a simulation schedules nothing repeatedly");
    }

    /** Handed on: there is nothing left to wait for or cancel. */
    private static final class Done extends CompletableFuture<Object> implements ScheduledFuture<Object> {

        Done() {
            complete(null);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
