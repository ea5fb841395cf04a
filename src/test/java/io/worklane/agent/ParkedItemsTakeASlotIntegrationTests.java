package io.worklane.agent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Configured so ({@code worklane.workbin.parked-items-count-against-capacity}): a parked item keeps taking its
 * agent's slot. Switched in the shared context for these tests only.
 */
class ParkedItemsTakeASlotIntegrationTests extends SlotLoadScenario {

    @Autowired
    private Slots slots;

    @BeforeEach
    void parkedItemsCount() {
        slots.parkedItemsCount(true);
    }

    /** As the test profile has it (the default). */
    @AfterEach
    void asConfigured() {
        slots.parkedItemsCount(false);
    }

    @Override
    boolean parkedItemsTakeASlot() {
        return true;
    }
}
