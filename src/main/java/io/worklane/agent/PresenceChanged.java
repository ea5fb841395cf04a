package io.worklane.agent;

/**
 * A row was added to {@code agent_presence_change}; published synchronously in the transaction that adds it.
 */
public record PresenceChanged(long changeId) {
}
