package io.worklane.agent;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param notReadyReasons the reasons an agent may give for NOT_READY; RONA is set by the router
 */
@ConfigurationProperties("worklane.agent")
record AgentProperties(List<String> notReadyReasons) {

    AgentProperties {
        if (notReadyReasons == null || notReadyReasons.isEmpty()) {
            notReadyReasons = List.of("Admin Work", "Lunch", "Meeting", "Pause", "RONA", "Training");
        }
    }
}
