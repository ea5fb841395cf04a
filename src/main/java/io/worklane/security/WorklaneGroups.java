package io.worklane.security;

/** Camunda identity groups that Worklane gives meaning to; an authenticated caller's authorities are its groups. */
public final class WorklaneGroups {

    /** Camunda's own administrators' group. */
    public static final String ADMINS = "camunda-admin";
    public static final String SUPERVISORS = "supervisors";
    public static final String AGENTS = "agents";
    /** Source systems: separate principals that capture and update their own work items. */
    public static final String SOURCE_SYSTEMS = "source-systems";

    private WorklaneGroups() {
    }
}
