package io.worklane.agent;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/agents/{agentId}/presence}. */
public record PresenceChange(@NotNull Presence state, @Size(max = 64) String reason) {
}
