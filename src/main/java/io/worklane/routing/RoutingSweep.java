package io.worklane.routing;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The safety net: every {@code worklane.routing.sweep-interval} (RoutingProperties), first after one interval, this
 * node offers work to every ready agent that events may have missed.
 */
@Component
class RoutingSweep implements SchedulingConfigurer {

    private final Router router;
    private final RoutingProperties properties;

    RoutingSweep(Router router, RoutingProperties properties) {
        this.router = router;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(router::sweep, properties.sweepInterval(),
                properties.sweepInterval()));
    }
}
