package io.worklane.routing;

import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.worklane.agent.AgentBecameAvailable;
import io.worklane.workitem.WorkItemReleased;
import io.worklane.workitem.WorkItemQueued;

/** Runs the router after the transaction that changed the queue or an agent has committed. */
@Component
class RoutingTriggers {

    private final Router router;

    RoutingTriggers(Router router) {
        this.router = router;
    }

    @Async(RoutingConfiguration.EXECUTOR)
    @TransactionalEventListener(fallbackExecution = true)
    void on(WorkItemQueued event) {
        router.route(event.workItemId());
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

    @Scheduled(fixedDelayString = "${worklane.routing.sweep-interval:PT10S}",
            initialDelayString = "${worklane.routing.sweep-interval:PT10S}")
    void sweep() {
        router.sweep();
    }
}
