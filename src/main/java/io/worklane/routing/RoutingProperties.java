package io.worklane.routing;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sweepInterval how often every node offers work to ready agents that events may have missed
 * @param candidateAgents how many ready agents a newly queued item is tried with, longest idle first
 * @param maxOffersPerAgent upper bound of offers in one pass for one agent (guards against a runaway loop)
 * @param preferredAgentTimeoutPercent how long an item waits for its preferred agent, as a share of its SLA
 * @param answer whether agents answer offers (MANUAL) or take them at once (AUTO), by default and per department;
 *            an agent's own answer mode wins
 * @param ronaTimeout how long a MANUAL agent has to answer an offer before it goes back to the queue and the agent
 *            is set NOT_READY (RONA)
 * @param scanLimit how many queued items one offer looks at for an agent, best first, before it gives up (items
 *            further down reach agents when they are queued or widened, or by the sweep)
 * @param transferTimeoutShare how long an item an agent transferred to a skill target waits for that target before
 *            it widens back to its own routing targets, as a share of the time from its return to the queue to its
 *            due date
 * @param transferTimeoutMinimum the shortest such wait (also for an item already overdue or without a due date)
 */
@ConfigurationProperties("worklane.routing")
record RoutingProperties(Duration sweepInterval, Integer candidateAgents, Integer maxOffersPerAgent,
        Integer preferredAgentTimeoutPercent, Integer scanLimit, Answer answer, Duration ronaTimeout,
        Double transferTimeoutShare, Duration transferTimeoutMinimum) {

    /** AUTO or MANUAL. */
    record Answer(String byDefault, Map<String, String> departments) {

        Answer {
            byDefault = byDefault == null ? "AUTO" : byDefault;
            departments = departments == null ? Map.of() : Map.copyOf(departments);
        }

        boolean automatic(String agentMode, String department) {
            String mode = agentMode != null ? agentMode : departments.getOrDefault(department, byDefault);
            return !"MANUAL".equals(mode);
        }
    }

    RoutingProperties {
        preferredAgentTimeoutPercent = preferredAgentTimeoutPercent == null ? 10 : preferredAgentTimeoutPercent;
        scanLimit = scanLimit == null ? 1000 : scanLimit;
        answer = answer == null ? new Answer(null, null) : answer;
        ronaTimeout = ronaTimeout == null ? Duration.ofMinutes(2) : ronaTimeout;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(10) : sweepInterval;
        candidateAgents = candidateAgents == null ? 20 : candidateAgents;
        maxOffersPerAgent = maxOffersPerAgent == null ? 50 : maxOffersPerAgent;
        transferTimeoutShare = transferTimeoutShare == null ? 0.25 : transferTimeoutShare;
        transferTimeoutMinimum = transferTimeoutMinimum == null ? Duration.ofMinutes(15) : transferTimeoutMinimum;
        if (transferTimeoutShare < 0 || transferTimeoutShare > 1) {
            throw new IllegalArgumentException("worklane.routing.transfer-timeout-share " + transferTimeoutShare
                    + " is not a share between 0 and 1");
        }
    }
}
