package io.worklane.agent;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code worklane.workbin.*}: the workbin's one setting is a rule of the agent's slots, so it lives where
 * {@link Slots} is decided (the workbin capability depends on this one, not the other way round).
 *
 * @param parkedItemsCountAgainstCapacity whether items parked in a workbin take a slot of their agent's capacity
 */
@ConfigurationProperties("worklane.workbin")
record WorkbinSlotProperties(@DefaultValue("false") boolean parkedItemsCountAgainstCapacity) {
}
