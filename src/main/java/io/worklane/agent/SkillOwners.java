package io.worklane.agent;

import java.util.Set;

/**
 * Which departments' items a skill draws to an agent: the departments of the routing rules whose targets name it.
 * A supervisor changes only skills of their own departments; one that a rule for every department names is for a
 * supervisor of all departments. Routing answers it (it knows the rules); the agent profile asks.
 */
public interface SkillOwners {

    /** Stands for a rule that applies to items of any department. */
    String ANY_DEPARTMENT = "*";

    /** @return the departments whose items this skill routes (empty: none; {@link #ANY_DEPARTMENT}: any) */
    Set<String> departmentsRoutedBy(String skill);
}
