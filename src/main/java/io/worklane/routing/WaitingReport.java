package io.worklane.routing;

import java.time.Instant;
import java.util.Map;

/**
 * Why an item goes where it goes, or why it is still waiting, computed now: its target, the agents who match it by
 * presence and load, its place in the queue and what changes next.
 *
 * @param agents the agents that match the current target (for PREFERRED: the preferred agent)
 * @param groups per routing group the current target names, how many agents are in it, whatever their presence
 *            (empty when it names none)
 * @param position 1 for the next item out of the queue; null unless QUEUED
 * @param lastOffer why the router last offered the item, as recorded with the offer; null if never offered
 * @param summary the answer in one sentence
 * @param processInstanceId the item's instance, for Cockpit's view of it
 */
public record WaitingReport(String itemId, String processInstanceId, String state, String targetLevel, String target, String preferredAgent,
        String declinedBy, String mediaType, Integer priority, Long position, Instant nextTargetExpansionAt,
        Instant nextReprioritizationAt, MatchingAgents agents, Map<String, Integer> groups, Map<String, Object> lastOffer,
        String summary) {

    /**
     * @param ready READY with a free slot for the item's media type
     * @param readyAtCapacity READY, but every slot for the media type is taken
     * @param notReady NOT_READY by reason
     */
    public record MatchingAgents(int total, int ready, int readyAtCapacity, Map<String, Integer> notReady,
            int loggedOut) {
    }
}
