/**
 * Due dates and priorities. Owns the business calendars ({@code decisions/business-calendar.dmn}) the SLA is
 * counted in, and the priority schemas ({@code decisions/priority-schema.dmn}) whose curve gives every item its
 * priority as a pure function of its schema, its activation or capture, its due date and the time; the
 * "Reprioritize" and "Mark overdue" steps of the Queued state; the per-media priority bands for blending; and
 * what the service-level and priority-schema rules read of an item from its row (deal value, subproduct, custom
 * attributes as {@code customAttributes}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "models", "security", "web", "workitem" })
package io.worklane.priority;
