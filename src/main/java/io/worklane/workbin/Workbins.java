package io.worklane.workbin;

import static io.worklane.workitem.WorkItemProcess.ACTOR;
import static io.worklane.workitem.WorkItemProcess.ASSIGNEE;
import static io.worklane.workitem.WorkItemProcess.MESSAGE_PULL;
import static io.worklane.workitem.WorkItemProcess.MESSAGE_RETURN_TO_QUEUE;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.worklane.agent.Agents;
import io.worklane.agent.Slots;
import io.worklane.web.Problems;
import io.worklane.workitem.Actor;
import io.worklane.workitem.ConcurrentChange;
import io.worklane.workitem.ProcessMessages;
import io.worklane.workitem.WorkItemState;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

/** Pull, return and reassign parked items; each one message to the item's process, in one transaction. */
@Service
public class Workbins {

    private final WorkItems workItems;
    private final Agents agents;
    private final Slots slots;
    private final ProcessMessages messages;

    Workbins(WorkItems workItems, Agents agents, Slots slots, ProcessMessages messages) {
        this.workItems = workItems;
        this.agents = agents;
        this.slots = slots;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public List<WorkItemView> of(String agentId) {
        return workItems.heldBy(agentId).stream().filter(item -> item.state() == WorkItemState.PARKED).toList();
    }

    /** The agent takes their parked item back into handling. */
    @Transactional
    public WorkItemView pull(String agentId, String itemId) {
        WorkItemView item = parked(agentId, itemId);
        deliver(item, MESSAGE_PULL, Map.of(ASSIGNEE, agentId), Actor.agent(agentId));
        return workItems.get(itemId);
    }

    /**
     * A supervisor hands the parked item to another agent, who handles it at once: only if that agent has a free
     * slot for it, decided under their row lock until this transaction ends (422 {@code no-free-slot} otherwise).
     */
    @Transactional
    public WorkItemView reassign(String agentId, String itemId, String toAgent, Actor supervisor) {
        WorkItemView item = parked(agentId, itemId);
        if (toAgent == null || !agents.exists(toAgent)) {
            throw Problems.exception(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-agent", "Unknown agent",
                    "'" + toAgent + "' is no agent.", Map.of("agent", String.valueOf(toAgent)));
        }
        slots.requireSlotFor(toAgent, item);
        deliver(item, MESSAGE_PULL, Map.of(ASSIGNEE, toAgent), supervisor);
        return workItems.get(itemId);
    }

    /** A supervisor returns the parked item to the queue. */
    @Transactional
    public WorkItemView returnToQueue(String agentId, String itemId, Actor supervisor) {
        WorkItemView item = parked(agentId, itemId);
        deliver(item, MESSAGE_RETURN_TO_QUEUE, Map.of(), supervisor);
        return workItems.get(itemId);
    }

    private WorkItemView parked(String agentId, String itemId) {
        WorkItemView item = workItems.lock(itemId).orElseThrow(() -> Problems.notFound("work-item", itemId));
        if (item.state() != WorkItemState.PARKED || !agentId.equals(item.assignee())) {
            throw new NotInWorkbin(item, agentId);
        }
        return item;
    }

    private void deliver(WorkItemView item, String message, Map<String, Object> variables, Actor actor) {
        try {
            messages.deliver(message, item.processInstanceId(), Variables.fromMap(variables)
                .putValueTyped(ACTOR, Variables.stringValue(actor.encoded(), true)));
        }
        catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
            throw new ConcurrentChange(item, "the workbin was changed", e);
        }
    }
}
