/**
 * Exception tasks: what a department's supervisors should act on shows up in their Tasklist as a task of the
 * {@code supervisor-exception} process, with a form offering the fitting actions, and ends by itself when its cause
 * goes away. {@link ExceptionWatch} finds the causes from the tables, on every node.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "agent", "capture", "priority", "security",
        "web", "workbin", "workitem" })
package io.worklane.exceptions;
