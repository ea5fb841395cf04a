/**
 * The capture point. Source systems create work items over {@code /api/work-items} (or by starting the
 * {@code work-item} process over the engine REST API); either way the process validates the core attributes
 * and registers the item, so both doors give the same item. Capture is idempotent per
 * {@code (sourceSystem, externalId)}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "security", "web", "workitem" })
package io.worklane.capture;
