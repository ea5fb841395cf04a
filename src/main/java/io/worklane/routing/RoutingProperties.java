package io.worklane.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sweepInterval how often every node offers work to ready agents that events may have missed
 * @param candidateAgents how many ready agents a newly queued item is tried with, longest idle first
 * @param maxOffersPerAgent upper bound of offers in one pass for one agent (guards against a runaway loop)
 * @param preferredAgentTimeoutPercent how long an item waits for its preferred agent, as a share of its SLA
 * @param scanLimit how many queued items one offer looks at for an agent, best first, before it gives up (items
 *            further down reach agents when they are queued, reprioritized or widened)
 */
@ConfigurationProperties("worklane.routing")
record RoutingProperties(Duration sweepInterval, Integer candidateAgents, Integer maxOffersPerAgent,
        Integer preferredAgentTimeoutPercent, Integer scanLimit) {

    RoutingProperties {
        preferredAgentTimeoutPercent = preferredAgentTimeoutPercent == null ? 10 : preferredAgentTimeoutPercent;
        scanLimit = scanLimit == null ? 1000 : scanLimit;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(10) : sweepInterval;
        candidateAgents = candidateAgents == null ? 20 : candidateAgents;
        maxOffersPerAgent = maxOffersPerAgent == null ? 50 : maxOffersPerAgent;
    }
}
