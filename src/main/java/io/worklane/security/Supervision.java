package io.worklane.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Which departments a supervisor answers for: those of the department groups they belong to (Camunda groups of type
 * {@value WorklaneGroups#DEPARTMENT_TYPE}, named after the department), or all of them for members of
 * {@value WorklaneGroups#ALL_DEPARTMENTS} and administrators. The one definition of that rule, for the API; the
 * engine's authorizations give only all-department supervisors Camunda's generic views of work items.
 */
@Component
public class Supervision {

    private final IdentityService identityService;

    Supervision(IdentityService identityService) {
        this.identityService = identityService;
    }

    /**
     * Whether the caller's departments include this one: those they supervise, or for anyone else those they belong
     * to (an agent's own department).
     */
    public boolean sharesDepartment(Caller caller, String department) {
        if (caller.isSupervisor()) {
            return coversDepartment(caller, department);
        }
        return department != null
                && departmentNamesOf(caller.userId()).stream().anyMatch(name -> name.equalsIgnoreCase(department));
    }

    /**
     * A user as a caller with their groups as they are now: for work done in their name later (a bulk operation,
     * an exception's resolution), so that a supervisor who lost a group no longer acts with it.
     */
    public Caller callerNamed(String userId) {
        return new Caller(userId, identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(org.camunda.bpm.engine.identity.Group::getId)
            .collect(Collectors.toUnmodifiableSet()));
    }

    /** @return the departments this caller supervises; null: every department */
    public Set<String> departmentsOf(Caller caller) {
        if (caller.groups().contains(WorklaneGroups.ADMINS) || caller.groups().contains(WorklaneGroups.ALL_DEPARTMENTS)) {
            return null;
        }
        if (!caller.isSupervisor()) {
            return Set.of();
        }
        return departmentNamesOf(caller.userId());
    }

    /** Whether the caller supervises items of this department (an item not yet classified: only all-department). */
    public boolean coversDepartment(Caller caller, String department) {
        Set<String> departments = departmentsOf(caller);
        return departments == null || department != null
                && departments.stream().anyMatch(name -> name.equalsIgnoreCase(department));
    }

    /**
     * Whether the caller supervises this person: every department they belong to is the caller's (so a supervisor
     * never changes what another department's people do), and they belong to at least one.
     */
    public boolean supervisesPerson(Caller caller, String userId) {
        Set<String> departments = departmentsOf(caller);
        if (departments == null) {
            return true;
        }
        Set<String> theirs = departmentNamesOf(userId);
        return !theirs.isEmpty() && departments.containsAll(theirs);
    }

    /** Whether this account is a source system's (which is never an agent or a supervisor). */
    public boolean isSourceSystem(String userId) {
        return identityService.createGroupQuery().groupMember(userId).groupId(WorklaneGroups.SOURCE_SYSTEMS).count() > 0;
    }

    private Set<String> departmentNamesOf(String userId) {
        return identityService.createGroupQuery()
            .groupMember(userId)
            .groupType(WorklaneGroups.DEPARTMENT_TYPE)
            .list()
            .stream()
            .map(group -> group.getName() == null ? group.getId() : group.getName())
            .collect(Collectors.toUnmodifiableSet());
    }
}
