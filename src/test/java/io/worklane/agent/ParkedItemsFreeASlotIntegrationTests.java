package io.worklane.agent;

/** The default: a parked item stays its agent's but takes no slot. */
class ParkedItemsFreeASlotIntegrationTests extends SlotLoadScenario {

    @Override
    boolean parkedItemsTakeASlot() {
        return false;
    }
}
