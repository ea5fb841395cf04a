package io.worklane.security;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import io.worklane.web.Problems;

/**
 * Issues, lists and revokes the API tokens of source systems (Camunda users in group {@code source-systems}), and
 * tells which source system a presented token belongs to. Every check reads the table, no cache: a revocation
 * holds at once on every node. Only a hash of each secret is stored (see {@link ApiToken}).
 */
@Service
public class SourceSystemTokens {

    /** How stale {@code last_used_at} may be: writing it on every request would make each call a write. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private static final int MAX_LABEL_LENGTH = 200;

    private final SourceSystemTokenRepository tokens;
    private final IdentityService identityService;

    SourceSystemTokens(SourceSystemTokenRepository tokens, IdentityService identityService) {
        this.tokens = tokens;
        this.identityService = identityService;
    }

    /** A new active token; the source system's other tokens stay valid until revoked (rotation). */
    public IssuedToken issue(String sourceSystem, String label, String issuedBy) {
        requireSourceSystem(sourceSystem);
        if (label != null && label.length() > MAX_LABEL_LENGTH) {
            throw Problems.invalid("The label has more than " + MAX_LABEL_LENGTH + " characters.");
        }
        ApiToken token = ApiToken.generate();
        return new IssuedToken(token.value(),
                tokens.insert(token.id(), sourceSystem, token.secretHash(), label, now(), issuedBy));
    }

    /**
     * Keeps a token whose value is already known, unless its id is taken: for demo data, whose tokens are
     * published in the README. Never use it for a real source system.
     */
    public void registerPublishedToken(String sourceSystem, String tokenValue, String label, String by) {
        ApiToken token = ApiToken.parse(tokenValue)
            .orElseThrow(() -> new IllegalArgumentException("not a token: " + ApiToken.PREFIX + "..."));
        if (!tokens.exists(token.id())) {
            tokens.insert(token.id(), sourceSystem, token.secretHash(), label, now(), by);
        }
    }

    /** Every token of the source system, active and revoked, oldest first. */
    public List<SourceSystemToken> list(String sourceSystem) {
        requireSourceSystem(sourceSystem);
        return tokens.list(sourceSystem);
    }

    /** Effective for the next request on every node. Revoking a revoked token again changes nothing. */
    public void revoke(String sourceSystem, String tokenId, String revokedBy) {
        if (!tokens.revoke(sourceSystem, tokenId, now(), revokedBy) && tokens.find(sourceSystem, tokenId).isEmpty()) {
            throw Problems.notFound("token", tokenId);
        }
    }

    /** The source system the token belongs to, if it is well formed, known, active and its secret matches. */
    Optional<String> sourceSystemOf(String presented) {
        Optional<ApiToken> token = ApiToken.parse(presented);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        var secret = tokens.activeSecret(token.get().id()).filter(active -> token.get().matches(active.secretHash()));
        secret.ifPresent(active -> {
            Instant now = now();
            if (active.lastUsedAt() == null || active.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
                tokens.touch(token.get().id(), now, now.minus(LAST_USED_PRECISION));
            }
        });
        return secret.map(SourceSystemTokenRepository.ActiveSecret::sourceSystem);
    }

    private void requireSourceSystem(String userId) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            throw Problems.notFound("source-system", userId);
        }
        if (identityService.createGroupQuery().groupId(WorklaneGroups.SOURCE_SYSTEMS).groupMember(userId).count() == 0) {
            throw Problems.exception(HttpStatus.UNPROCESSABLE_ENTITY, "not-a-source-system", "Not a source system",
                    "User '" + userId + "' is not in group '" + WorklaneGroups.SOURCE_SYSTEMS
                            + "'; only source systems get API tokens.",
                    Map.of());
        }
    }

    /** System time, not the engine's clock: tests move that one, and token times are an audit trail. */
    private static Instant now() {
        // the database keeps microseconds; what the API answers must equal what it lists later
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
