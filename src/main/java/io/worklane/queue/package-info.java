/**
 * The universal queue. Applies the outcome of classification and service level to an item ("Queue work item":
 * department, process, due date, priority, required skill) and serves the queue in distribution order
 * (priority descending, then longest waiting) from the {@code work_item} projection.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "priority", "routing", "security", "web",
        "workitem" })
package io.worklane.queue;
