/**
 * The router: matches queued items and ready agents inside one database transaction that is safe with several
 * app nodes (row locks with {@code SKIP LOCKED}), records why each offer was made, and moves the process on by
 * delivering {@code WorkItem.Offered}. Event-driven (item queued, agent available, item completed) with a
 * periodic sweep as safety net; no routing state lives in memory.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "agent", "models", "security", "web",
        "workitem" })
package io.worklane.routing;
