package io.worklane.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who a caller of {@code /api} or {@code /engine-rest} is: a person by password
 * (Camunda's identity service), a source system by API token. A source system's password is never checked, so no
 * wrong password sent in its name can count against it.
 */
@Component
class CallerIdentities {

    record Identified(String userId, List<String> groups) {
    }

    enum Refusal {
        BAD_CREDENTIALS, SOURCE_SYSTEM_NEEDS_TOKEN, INVALID_TOKEN
    }

    /** Exactly one of the two is set. */
    record Outcome(Identified identified, Refusal refusal) {

        static Outcome refused(Refusal refusal) {
            return new Outcome(null, refusal);
        }

        boolean isIdentified() {
            return identified != null;
        }
    }

    static final String SOURCE_SYSTEM_NEEDS_TOKEN_DETAIL = "This user is a source system: authenticate with its API "
            + "token (Authorization: Bearer wl_...), not a password.";
    static final String INVALID_TOKEN_DETAIL = "The API token is unknown, revoked or malformed.";
    static final String UNAUTHENTICATED_DETAIL = "Send HTTP Basic credentials of a Camunda user; source systems send "
            + "their API token (Authorization: Bearer wl_...).";

    private final IdentityService identityService;
    private final SourceSystemTokens tokens;

    CallerIdentities(IdentityService identityService, SourceSystemTokens tokens) {
        this.identityService = identityService;
        this.tokens = tokens;
    }

    Outcome byPassword(String userId, String password) {
        if (userId == null || userId.isEmpty() || password == null) {
            return Outcome.refused(Refusal.BAD_CREDENTIALS);
        }
        List<String> groups = groupsOf(userId);
        if (groups.contains(WorklaneGroups.SOURCE_SYSTEMS)) {
            return Outcome.refused(Refusal.SOURCE_SYSTEM_NEEDS_TOKEN);
        }
        if (!identityService.checkPassword(userId, password)) {
            return Outcome.refused(Refusal.BAD_CREDENTIALS);
        }
        return new Outcome(new Identified(userId, groups), null);
    }

    /**
     * The user of a Camunda webapp session (who logged in there with their password): still a user, never a source
     * system (which authenticates with its token), with their groups as they are now.
     */
    Outcome bySession(String userId) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            return Outcome.refused(Refusal.BAD_CREDENTIALS);
        }
        List<String> groups = groupsOf(userId);
        if (groups.contains(WorklaneGroups.SOURCE_SYSTEMS)) {
            return Outcome.refused(Refusal.SOURCE_SYSTEM_NEEDS_TOKEN);
        }
        return new Outcome(new Identified(userId, groups), null);
    }

    /** A token is valid only while its owner is still a source system: taking the group away disables it. */
    Outcome byToken(String token) {
        return tokens.sourceSystemOf(token)
            .map(userId -> new Identified(userId, groupsOf(userId)))
            .filter(identified -> identified.groups().contains(WorklaneGroups.SOURCE_SYSTEMS))
            .map(identified -> new Outcome(identified, null))
            .orElse(Outcome.refused(Refusal.INVALID_TOKEN));
    }

    private List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }
}
