package io.worklane.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated user of the current API request: its Camunda user id and groups. */
public record Caller(String userId, Set<String> groups) {

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("no authenticated caller");
        }
        Set<String> groups = authentication.getAuthorities()
            .stream()
            .map(GrantedAuthority::getAuthority)
            .collect(Collectors.toUnmodifiableSet());
        return new Caller(authentication.getName(), groups);
    }

    public boolean isSupervisor() {
        return groups.contains(WorklaneGroups.SUPERVISORS) || groups.contains(WorklaneGroups.ADMINS);
    }

    /** A source system that is not also a supervisor: it sees and changes only its own items. */
    public boolean isSourceSystemOnly() {
        return groups.contains(WorklaneGroups.SOURCE_SYSTEMS) && !isSupervisor();
    }
}
