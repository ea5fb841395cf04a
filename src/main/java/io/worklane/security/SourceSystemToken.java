package io.worklane.security;

import java.time.Instant;

/** What anyone may know about a source system's API token: never its secret, never its hash. */
public record SourceSystemToken(String id, String sourceSystem, String label, Instant createdAt, String createdBy,
        Instant lastUsedAt, Instant revokedAt, String revokedBy) {

    public boolean isActive() {
        return revokedAt == null;
    }
}
