/**
 * The work item projection and its event log. Owns {@code work_item} and {@code work_item_event}: the
 * fast-queryable mirror of each {@code work-item} process instance (one row per item, changed in the same
 * transaction as the process) and the append-only history of its transitions. Other capabilities change an
 * item only through {@link io.worklane.workitem.WorkItems}, which records every transition and publishes
 * {@link io.worklane.workitem.WorkItemQueued} and {@link io.worklane.workitem.WorkItemCompleted}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "security", "web" })
package io.worklane.workitem;
