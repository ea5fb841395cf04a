package io.worklane.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

class RoutingSweepTests {

    @Test
    void theSweepRunsAtTheConfiguredIntervalFirstAfterOne() {
        Router router = mock(Router.class);
        RoutingProperties properties = new RoutingProperties(Duration.ofSeconds(7), null, null, null, null, null, null,
                null, null);
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
        new RoutingSweep(router, properties).configureTasks(registrar);

        assertThat(registrar.getFixedDelayTaskList()).singleElement().satisfies(task -> {
            assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofSeconds(7));
            assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofSeconds(7));
            task.getRunnable().run();
        });
        verify(router).sweep();
    }
}
