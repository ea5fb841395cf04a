/**
 * Demo data for a first run (profile {@code demo}, the default): supervisors, agents with different skills and
 * proficiencies, source systems, and the departments Sales and Finance as Camunda groups. Loaded once: every
 * step checks what exists.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "agent", "security" })
package io.worklane.demo;
