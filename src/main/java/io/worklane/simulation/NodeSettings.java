package io.worklane.simulation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.stereotype.Component;

/**
 * This node's settings of how work is distributed ({@code worklane.routing.*}, answer modes, not-ready reasons,
 * priority bands, workbin slots, handling and capture rules), as a run gets them: so that "current" distributes as
 * the node does. Configuration files, profiles and arguments are read here; environment variables of these
 * settings reach a run as environment variables ({@link SimulationLauncher}). The application's own
 * {@code application.yaml} is left out: a run has it too, and a list set elsewhere must replace it whole.
 */
@Component
class NodeSettings {

    /** The settings a run shares with its node; their environment variables are these in upper case, "_" for ".". */
    static final List<String> PREFIXES = List.of("worklane.routing.", "worklane.agent.",
            "worklane.priority.", "worklane.workbin.", "worklane.handling.", "worklane.capture.");

    private final ConfigurableEnvironment environment;

    NodeSettings(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    Map<String, String> current() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> names) || source instanceof SystemEnvironmentPropertySource
                    || source.getName().contains("[application.yaml]")) {
                continue;
            }
            for (String name : names.getPropertyNames()) {
                if (PREFIXES.stream().anyMatch(name::startsWith) && !settings.containsKey(name)) {
                    String value = environment.getProperty(name);
                    if (value != null) {
                        settings.put(name, value);
                    }
                }
            }
        }
        return settings;
    }
}
