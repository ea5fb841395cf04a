package io.worklane.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.worklane.agent.AgentBecameAvailable;
import io.worklane.workitem.WorkItemReleased;
import io.worklane.workitem.WorkItemQueued;

/** Runs the router after the transaction that changed the queue or an agent has committed. */
@Component
class RoutingTriggers {

    /**
     * An item queued while its agent's row is held by another offer is tried again after these pauses, so it does
     * not wait for the sweep (that offer read the queue before the item was in it).
     */
    private static final Duration FIRST_RETRY = Duration.ofMillis(50);
    private static final int RETRIES = 6;

    private final AtomicInteger pendingRetries = new AtomicInteger();
    private final Router router;
    private final TaskScheduler scheduler;
    private final ThreadPoolTaskExecutor executor;

    RoutingTriggers(Router router, TaskScheduler scheduler,
            @Qualifier(RoutingConfiguration.EXECUTOR) ThreadPoolTaskExecutor executor) {
        this.router = router;
        this.scheduler = scheduler;
        this.executor = executor;
    }

    @Async(RoutingConfiguration.EXECUTOR)
    @TransactionalEventListener(fallbackExecution = true)
    void on(WorkItemQueued event) {
        route(event.workItemId(), 0);
    }

    private void route(String workItemId, int retry) {
        if (router.route(workItemId) && retry < RETRIES) {
            Instant later = Instant.now().plus(FIRST_RETRY.multipliedBy(1L << retry));
            pendingRetries.incrementAndGet();
            // the scheduler's thread only hands it on: routing runs on the routing threads
            scheduler.schedule(() -> {
                try {
                    executor.execute(() -> route(workItemId, retry + 1));
                }
                finally {
                    pendingRetries.decrementAndGet();
                }
            }, later);
        }
    }

    /** Retries waiting for their moment: routing is idle when there are none and the executor has nothing to do. */
    int pendingRetries() {
        return pendingRetries.get();
    }

    @Async(RoutingConfiguration.EXECUTOR)
    @TransactionalEventListener(fallbackExecution = true)
    void on(AgentBecameAvailable event) {
        router.fill(event.agentId());
    }

    @Async(RoutingConfiguration.EXECUTOR)
    @TransactionalEventListener(fallbackExecution = true)
    void on(WorkItemReleased event) {
        if (event.agentId() != null) {
            router.released(event.agentId());
        }
    }
}
