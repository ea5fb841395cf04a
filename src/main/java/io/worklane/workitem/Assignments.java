package io.worklane.workitem;

import static io.worklane.workitem.WorkItemTransitions.details;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A work item between the queue and its agents: offers and their answers, handling choices, workbins. Every
 * change runs inside the caller's transaction, like those of {@link WorkItems}.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Assignments {

    private final WorkItemTransitions transitions;
    private final Clock clock;

    Assignments(WorkItemTransitions transitions, Clock clock) {
        this.transitions = transitions;
        this.clock = clock;
    }

    /**
     * Offers a queued item to an agent; {@code reason} records why the router chose this pair.
     * @param answerWithin how long the agent has to accept or decline first (OFFERED); null: it is IN_PROGRESS at
     *            once
     */
    public void assign(String id, String agentId, Duration answerWithin, Map<String, Object> reason) {
        transitions.change(new WorkItemRef(id, null), WorkItemEventType.OFFERED, Actor.system("router"), (item, now) -> {
            item.assign(agentId, answerWithin == null ? null : now.plus(answerWithin), now);
            return reason;
        });
    }

    public void accept(WorkItemRef ref) {
        WorkItem item = transitions.load(ref);
        Instant now = clock.instant();
        item.accept(now);
        transitions.record(item, WorkItemEventType.ACCEPTED, Actor.agent(item.toView(now).assignee()), now, Map.of());
    }

    /** The agent declined the offer; the item goes back to the queue. */
    public void decline(WorkItemRef ref) {
        transitions.releasing(ref, WorkItemEventType.DECLINED, null, (item, now) -> item.withdrawOffer(now), Map.of());
    }

    /** The offer was not answered in time (RONA); the item goes back to the queue. @return the agent */
    public String noAnswer(WorkItemRef ref, String timeout) {
        String agent = transitions.load(ref).toView(clock.instant()).assignee();
        transitions.releasing(ref, WorkItemEventType.RONA, Actor.timer("rona"), (item, now) -> item.withdrawOffer(now),
                details("agent", agent, "timeout", timeout));
        return agent;
    }

    /** The agent's disposition code (converted, not converted, ...), kept on the item and in its event log. */
    public void recordDisposition(WorkItemRef ref, String code, Actor actor) {
        if (code != null) {
            transitions.change(ref, WorkItemEventType.UPDATED, orAgent(actor, ref),
                    (item, now) -> {
                        item.recordDisposition(code, now);
                        return details("disposition", code);
                    });
        }
    }

    /** Into the agent's workbin; whether it still takes one of their slots is configured (agent.Slots). */
    public void park(WorkItemRef ref, Actor actor) {
        WorkItem item = transitions.change(ref, WorkItemEventType.PARKED, orAgent(actor, ref), (found, now) -> {
            found.park(now);
            return Map.of();
        });
        // a parked item that does not count against capacity frees a slot
        transitions.publish(new WorkItemReleased(ref.id(), item.toView(clock.instant()).assignee()));
    }

    /** Out of the workbin into handling: by its agent, or by a supervisor's reassignment to {@code agentId}. */
    public void pull(WorkItemRef ref, String agentId, Actor actor) {
        String before = transitions.load(ref).toView(clock.instant()).assignee();
        boolean reassigned = !agentId.equals(before);
        transitions.change(ref, reassigned ? WorkItemEventType.REASSIGNED : WorkItemEventType.PULLED, actor, (item, now) -> {
            item.pull(agentId, now);
            return details("agent", agentId, "from", reassigned ? before : null);
        });
        if (reassigned) {
            transitions.publish(new WorkItemReleased(ref.id(), before));
        }
    }

    /** The agent hands the item on to another agent, who handles it at once. */
    public void transferTo(WorkItemRef ref, String agentId, Actor actor) {
        WorkItem item = transitions.load(ref);
        Instant now = clock.instant();
        String before = item.transferTo(agentId, now);
        transitions.record(item, WorkItemEventType.TRANSFERRED, actor != null ? actor : Actor.agent(before), now,
                details("to", agentId));
        transitions.publish(new WorkItemReleased(ref.id(), before));
    }

    /** The agent sends the item back to the queue for agents matching {@code target} (a skill expression). */
    public void transferToTarget(WorkItemRef ref, String target, Actor actor) {
        transitions.releasing(ref, WorkItemEventType.TRANSFERRED, actor, (item, now) -> item.transferToTarget(target, now),
                details("target", target));
    }

    /** A supervisor returns a parked item to the queue. */
    public void returnToQueue(WorkItemRef ref, Actor actor) {
        transitions.releasing(ref, WorkItemEventType.RETURNED_TO_QUEUE, actor, (item, now) -> item.returnToQueue(now), Map.of());
    }

    /** Who acted on the item: the caller named, else (an agent's own form or API call) the item's agent. */
    private Actor orAgent(Actor actor, WorkItemRef ref) {
        return actor != null ? actor : Actor.agent(transitions.load(ref).toView(clock.instant()).assignee());
    }
}
