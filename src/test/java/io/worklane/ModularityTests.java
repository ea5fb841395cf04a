package io.worklane;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Capabilities talk only through each other's public face, and never in a cycle. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(WorklaneApplication.class);

    @Test
    void capabilitiesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyCapabilityIsAModule() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
            .contains("capture", "workitem", "queue", "agent", "routing", "handling", "security", "web", "demo");
    }
}
