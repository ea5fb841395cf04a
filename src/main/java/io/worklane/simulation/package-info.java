/**
 * What-if simulation: a day of work (recorded from the event log or drawn from a profile) runs through the real
 * {@code work-item} process, decisions and router in an isolated engine on a virtual clock, with a roster of
 * simulated agents; two runs (current and candidate rules, or two rosters) are compared figure by figure.
 * <p>
 * Camunda's clock is one per JVM ({@code ClockUtil}), so each run is a child JVM of the same application
 * ({@link SimulationLauncher}) with an in-memory database and no job executor: {@link VirtualDay} moves the
 * clock from event to event and runs the due jobs itself.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "agent", "capture", "doors", "handling", "models",
        "routing", "security", "web", "workitem" })
package io.worklane.simulation;
