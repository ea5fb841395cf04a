/**
 * Personal workbins: an agent parks an item they cannot finish now ("Park in workbin"), keeps it, and pulls it
 * back into handling; a supervisor returns a parked item to the queue or reassigns it to another agent. Whether
 * parked items count against the agent's capacity is configuration ({@code worklane.workbin}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "agent", "security", "web", "workitem" })
package io.worklane.workbin;
