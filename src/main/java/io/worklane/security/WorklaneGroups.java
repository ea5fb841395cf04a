package io.worklane.security;

/** Camunda identity groups that Worklane gives meaning to; an authenticated caller's authorities are its groups. */
public final class WorklaneGroups {

    /** Camunda's own administrators' group. */
    public static final String ADMINS = "camunda-admin";
    public static final String SUPERVISORS = "supervisors";
    public static final String AGENTS = "agents";
    /** Supervisors in this group see and act on every department; the others only on their department groups'. */
    public static final String ALL_DEPARTMENTS = "all-departments";
    /** The type of the Camunda groups that are departments (their name is the department's, e.g. "Sales"). */
    public static final String DEPARTMENT_TYPE = "DEPARTMENT";
    /** Source systems: separate principals that capture and update their own work items. */
    public static final String SOURCE_SYSTEMS = "source-systems";
    /** People who deploy processes/, decisions/ and forms/ from Camunda Modeler: models only, never code. */
    public static final String PROCESS_OWNERS = "process-owners";

    /** Who may read {@code /actuator/prometheus} (Prometheus's scrape user), and nothing else. */
    public static final String MONITORING = "monitoring";

    private WorklaneGroups() {
    }
}
