package io.worklane.handling;

import jakarta.validation.constraints.Size;

/**
 * The optional body of a handling action.
 *
 * @param disposition a configured disposition code (worklane.handling.disposition-codes)
 * @param agent the agent to transfer to ({@code transfer} with an agent)
 * @param target the skill expression to transfer to ({@code transfer} with a target)
 */
record HandlingRequest(@Size(max = 100) String disposition, @Size(max = 64) String agent,
        @Size(max = 1000) String target) {

    static final HandlingRequest NONE = new HandlingRequest(null, null, null);
}
