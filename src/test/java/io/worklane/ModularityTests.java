package io.worklane;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Capabilities talk only through each other's public face, only to the capabilities their package-info allows
 * ({@code @ApplicationModule(allowedDependencies = ...)}), and never in a cycle: a new dependency is a change of the
 * declared graph, made where the capability is described.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(WorklaneApplication.class);

    @Test
    void capabilitiesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyCapabilityDeclaresWhatItMayUse() {
        assertThat(modules.stream()).allSatisfy(module -> {
            Package capability = Class.forName(module.getBasePackage().getName() + ".package-info").getPackage();
            assertThat(capability.getAnnotation(ApplicationModule.class)).as(module.getIdentifier().toString())
                .isNotNull()
                .extracting(ApplicationModule::allowedDependencies)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.ARRAY)
                .doesNotContain(ApplicationModule.OPEN_TOKEN);
        });
    }

    @Test
    void everyCapabilityIsAModule() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
            .contains("capture", "workitem", "queue", "agent", "routing", "handling", "security", "web", "demo");
    }
}
