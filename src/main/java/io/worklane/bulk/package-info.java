/**
 * Actions on a whole queue filter: a supervisor previews how many items a filter holds, starts the action, and
 * follows its progress. Every node's worker takes pending items with row locks, one transaction per item, so a node
 * that dies leaves nothing half-done; the operation row is the audit of who did what to which filter.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "capture", "priority", "queue", "security",
        "web", "workbin", "workitem" })
package io.worklane.bulk;
