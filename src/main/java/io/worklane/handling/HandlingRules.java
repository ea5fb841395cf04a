package io.worklane.handling;

import static io.worklane.workitem.WorkItemProcess.DISPOSITION;
import static io.worklane.workitem.WorkItemProcess.HANDLING_ACTION;
import static io.worklane.workitem.WorkItemProcess.TRANSFER_TARGET;
import static io.worklane.workitem.WorkItemProcess.TRANSFER_TO;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

import io.worklane.agent.Agents;
import io.worklane.agent.Slots;
import io.worklane.routing.AgentMatching;
import io.worklane.routing.SkillExpression;
import io.worklane.workitem.WorkItemView;

/**
 * What an agent may choose when handling an item, checked the same way for the Tasklist form and the API: Mark
 * done unless the department disables it, a configured disposition code, a transfer to an existing agent with a
 * free slot, or to a valid skill expression that some agent profile matches.
 */
@Component
class HandlingRules {

    /**
     * A choice the agent cannot make; the message says which and why. A form field validation failure to the engine,
     * so that its REST API answers a Tasklist form submitted with it 400 with this message, not 500.
     */
    static class Refused extends FormFieldValidationException {

        Refused(String message) {
            super(HANDLING_ACTION, message);
        }
    }

    /** A transfer to a skill target no agent profile matches: the item would wait for nobody. */
    static final class NoAgentMatches extends Refused {

        final String target;

        NoAgentMatches(String target) {
            super("No agent matches the skill target '" + target + "': transfer to another target or to an agent.");
            this.target = target;
        }
    }

    /** The agent transferred to has no free slot; {@link #problem} is the API's answer. */
    static final class NoFreeSlot extends Refused {

        final Slots.NoFreeSlot problem;

        NoFreeSlot(Slots.NoFreeSlot problem) {
            super(problem.getBody().getDetail());
            this.problem = problem;
        }
    }

    private final HandlingProperties properties;
    private final Agents agents;
    private final AgentMatching matching;
    private final Slots slots;

    HandlingRules(HandlingProperties properties, Agents agents, AgentMatching matching, Slots slots) {
        this.properties = properties;
        this.agents = agents;
        this.matching = matching;
        this.slots = slots;
    }

    List<HandlingAction> actionsFor(String department) {
        return Arrays.stream(HandlingAction.values())
            .filter(action -> action != HandlingAction.DONE || !properties.markDoneDisabledDepartments().contains(department))
            .toList();
    }

    List<String> dispositionCodes() {
        return properties.dispositionCodes();
    }

    /** The choice, checked; a missing action is Mark done, as Tasklist's own Complete button sends nothing. */
    HandlingAction check(WorkItemView item, Map<String, Object> choice) {
        Object actionName = choice.get(HANDLING_ACTION);
        HandlingAction action;
        try {
            action = actionName == null ? HandlingAction.DONE : HandlingAction.valueOf(actionName.toString());
        }
        catch (IllegalArgumentException e) {
            throw new Refused("Unknown action '" + actionName + "'; choose one of " + actionsFor(item.department()) + ".");
        }
        if (!actionsFor(item.department()).contains(action)) {
            throw new Refused("Mark done is disabled for " + item.department() + ": the source system completes its "
                    + "items. Park or transfer the item instead.");
        }
        Object disposition = choice.get(DISPOSITION);
        if (disposition != null && !properties.dispositionCodes().contains(disposition.toString())) {
            throw new Refused("Unknown disposition code '" + disposition + "'; use one of " + properties.dispositionCodes()
                    + ".");
        }
        if (action == HandlingAction.TRANSFER_AGENT) {
            checkAgent(item, (String) choice.get(TRANSFER_TO));
        }
        if (action == HandlingAction.TRANSFER_TARGET) {
            String target = (String) choice.get(TRANSFER_TARGET);
            SkillExpression expression;
            try {
                expression = SkillExpression.parse(target);
            }
            catch (SkillExpression.Invalid e) {
                throw new Refused(e.getMessage());
            }
            if (!matching.anyAgentMatches(expression)) {
                throw new NoAgentMatches(expression.text());
            }
        }
        return action;
    }

    private void checkAgent(WorkItemView item, String agentId) {
        if (agentId == null || agentId.isBlank() || !agents.exists(agentId)) {
            throw new Refused("Transfer to whom? '" + agentId + "' is no agent.");
        }
        if (agentId.equals(item.assignee())) {
            throw new Refused("The item is already " + agentId + "'s.");
        }
        requireSlot(item, agentId);
    }

    /**
     * The agent transferred to has a free slot, decided under their row lock, which the transaction that assigns
     * the item to them holds until it ends ({@link Slots}).
     */
    void requireSlot(WorkItemView item, String agentId) {
        try {
            slots.requireSlotFor(agentId, item);
        }
        catch (Slots.NoFreeSlot e) {
            throw new NoFreeSlot(e);
        }
    }
}
