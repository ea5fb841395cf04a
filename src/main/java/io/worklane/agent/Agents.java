package io.worklane.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.worklane.security.Caller;
import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

/** Creates and changes agents; the router reads their rows directly in its locking transaction. */
@Service
@Transactional
public class Agents {

    /** The not-ready reason of an agent who let an offer time out. */
    public static final String NO_ANSWER = "RONA";

    private final AgentRepository agents;
    private final WorkItems workItems;
    private final IdentityService identityService;
    private final ApplicationEventPublisher publisher;
    private final AgentProperties properties;
    private final Clock clock;
    private final PresenceHistory history;
    private final Slots slots;

    Agents(AgentRepository agents, WorkItems workItems, IdentityService identityService,
            ApplicationEventPublisher publisher, AgentProperties properties, Clock clock, PresenceHistory history,
            Slots slots) {
        this.agents = agents;
        this.slots = slots;
        this.history = history;
        this.workItems = workItems;
        this.identityService = identityService;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    /** Creates or replaces an agent's profile; presence is kept. @return whether the agent is new */
    public boolean save(String id, AgentProfile profile) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            throw Problems.exception(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-user", "Unknown user",
                    "'" + id + "' is not a user of the identity service; create the user first (Camunda Admin).",
                    Map.of("agentId", id));
        }
        var existing = agents.findForUpdate(id);
        Agent agent = existing.orElseGet(() -> new Agent(id, clock.instant()));
        agent.replaceProfile(profile.displayName(), profile.skills(), profile.capacity(),
                profile.groups() == null ? new TreeSet<>() : new TreeSet<>(profile.groups()), profile.answerMode());
        agents.save(agent);
        if (existing.isEmpty()) {
            agents.flush(); // the history row refers to the agent's
            history.record(id, new PresenceHistory.Change(null, null, agent.presence(), null, agent.presenceSince(),
                    currentUser("system")));
        }
        if (agent.presence() == Presence.READY) {
            publisher.publishEvent(new AgentBecameAvailable(id));
        }
        return existing.isEmpty();
    }

    public void changePresence(String id, PresenceChange change) {
        String reason = change.reason();
        if (change.state() == Presence.LOGGED_OUT) {
            throw Problems.invalid("LOGGED_OUT is not chosen: it comes from logging out of the webapps.");
        }
        if (change.state() == Presence.READY && reason != null) {
            throw Problems.invalid("A READY agent gives no reason.");
        }
        if (change.state() == Presence.NOT_READY && !notReadyReasons().contains(reason)) {
            throw Problems.exception(HttpStatus.BAD_REQUEST, "invalid-not-ready-reason", "Invalid not-ready reason",
                    (NO_ANSWER.equals(reason) ? "RONA is set by the router when an offer goes unanswered. " : "")
                            + "NOT_READY needs one of the configured reasons: " + notReadyReasons() + ".",
                    Map.of("allowedReasons", notReadyReasons()));
        }
        Agent agent = agents.findForUpdate(id).orElseThrow(() -> Problems.notFound("agent", id));
        if (change(agent, change.state(), reason, currentUser("system"))) {
            publisher.publishEvent(new AgentBecameAvailable(id));
        }
    }

    /** The reasons a person gives for NOT_READY: the configured ones but RONA, which only the router sets. */
    public List<String> notReadyReasons() {
        return properties.notReadyReasons().stream().filter(reason -> !NO_ANSWER.equals(reason)).toList();
    }

    /** The agent did not answer an offer in time (RONA): not ready until they say otherwise. */
    public void markNoAnswer(String id) {
        agents.findForUpdate(id).ifPresent(agent -> change(agent, Presence.NOT_READY, NO_ANSWER, "router"));
    }

    /**
     * The agent left the webapps: LOGGED_OUT (and so offered nothing) until they go READY again. In its own
     * transaction, since a session may end inside another one or in none; a second logout changes nothing.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void markLoggedOut(String id) {
        agents.findForUpdate(id)
            .filter(agent -> agent.presence() != Presence.LOGGED_OUT)
            .ifPresent(agent -> change(agent, Presence.LOGGED_OUT, null, "logout"));
    }

    /** Changes the presence and records the change if there is one. @return whether the agent just became READY */
    private boolean change(Agent agent, Presence next, String reason, String by) {
        Presence before = agent.presence();
        String beforeReason = agent.presenceReason();
        Instant now = clock.instant();
        boolean becameReady = agent.changePresence(next, reason, now);
        if (before != next || !Objects.equals(beforeReason, reason)) {
            history.record(agent.id(), new PresenceHistory.Change(before, beforeReason, next, reason, now, by));
        }
        return becameReady;
    }

    private static String currentUser(String otherwise) {
        try {
            return Caller.current().userId();
        }
        catch (IllegalStateException noCaller) {
            return otherwise;
        }
    }

    /** Every agent profile's id, in display-name order. */
    @Transactional(readOnly = true)
    public List<String> ids() {
        return agents.findAll(org.springframework.data.domain.Sort.by("displayName", "id")).stream()
            .map(Agent::id)
            .toList();
    }

    @Transactional(readOnly = true)
    public boolean exists(String id) {
        return agents.existsById(id);
    }

    @Transactional(readOnly = true)
    public AgentView view(String id) {
        Agent agent = agents.findById(id).orElseThrow(() -> Problems.notFound("agent", id));
        List<WorkItemView> held = workItems.heldBy(id);
        // the slots taken, as the router counts them (a parked item only where parked items take one)
        Map<String, Long> load = new LinkedHashMap<>();
        slots.of(id).forEach((media, slot) -> load.put(media, slot.taken()));
        List<AgentView.HeldItem> items = held.stream()
            .map(item -> new AgentView.HeldItem(item.id(), item.externalId(), item.state().name(), item.mediaType(),
                    item.priority(), item.assignedAt(), item.dueAt(), item.offerExpiresAt()))
            .toList();
        return new AgentView(agent.id(), agent.displayName(), Map.copyOf(agent.skills()),
                Map.copyOf(agent.capacity()), Set.copyOf(agent.groups()), agent.answerMode(),
                new AgentView.PresenceView(agent.presence(), agent.presenceReason(), agent.presenceSince()), load, items);
    }
}
