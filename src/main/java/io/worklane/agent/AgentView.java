package io.worklane.agent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An agent with presence, load per media type, and the items the agent holds.
 *
 * @param load per media type, the slots taken by the one rule the router decides by ({@link Slots}): a parked
 *            item counts only where parked items take a slot, though it is always among {@code items}
 */
public record AgentView(String id, String displayName, Map<String, Integer> skills, Map<String, Integer> capacity,
        Set<String> groups, AnswerMode answerMode, PresenceView presence, Map<String, Long> load, List<HeldItem> items) {

    public record PresenceView(Presence state, String reason, Instant since) {
    }

    /** @param offerExpiresAt when an OFFERED item's offer times out (RONA) unless the agent answers it */
    public record HeldItem(String id, String externalId, String state, String mediaType, Integer priority,
            Instant assignedAt, Instant dueAt, Instant offerExpiresAt) {
    }
}
