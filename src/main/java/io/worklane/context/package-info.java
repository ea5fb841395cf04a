/**
 * Third-party context. "Look up context" asks the configured sources (HTTP JSON services, SQL queries) about an
 * item before it is classified; what they answer fills the attributes the source system did not send and is
 * kept as the item's context data, so rules, queue, reports and the agent's form see it. Sources are
 * configuration, not code. A failing source falls back to the item's own attributes and configured defaults;
 * only a required source holds the item up, as a retried job and finally an incident.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "workitem" })
package io.worklane.context;
