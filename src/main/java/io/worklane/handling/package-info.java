/**
 * What an agent does with an item in Tasklist ("Handle work item" and its form in {@code forms/}): marking
 * it done completes the item and frees the agent's slot for the next offer; held longer than the service level's
 * handling time-out, the item goes back to the queue or to the supervisors.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "agent", "routing", "security", "web",
        "workitem" })
package io.worklane.handling;
