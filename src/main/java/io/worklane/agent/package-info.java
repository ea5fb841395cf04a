/**
 * Employees (agents): skills with proficiencies 0..10, capacity per media type, routing groups, and presence
 * (READY, NOT_READY with a configured reason, or LOGGED_OUT after leaving the webapps) with its history, and
 * each agent's day ({@link io.worklane.agent.AgentDay}). The agent id is the Camunda user id. Publishes
 * {@link io.worklane.agent.AgentBecameAvailable} when an agent may take work, so the router can offer some.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "security", "web", "workitem" })
package io.worklane.agent;
