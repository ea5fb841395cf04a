package io.worklane.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.commons.math3.random.RandomGenerator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;

import io.worklane.agent.AgentProfile;
import io.worklane.agent.Agents;
import io.worklane.agent.Presence;
import io.worklane.agent.PresenceChange;

/**
 * The roster of one simulated day: creates each agent (user and profile, as an admin would), plans their shifts,
 * breaks and pauses, and tells Worklane whenever what the day knows of an agent changes their presence.
 */
final class SimulatedAgents {

    /** What the day knows of an agent's presence: READY when on shift, not on a break or a pause, not after RONA. */
    private static final class AgentState {
        boolean onShift;
        int away;
        String awayReason;
        boolean rona;

        Presence wanted() {
            if (!onShift) {
                return Presence.LOGGED_OUT;
            }
            return away > 0 || rona ? Presence.NOT_READY : Presence.READY;
        }
    }

    private final Agents agents;
    private final IdentityService identityService;
    private final JdbcTemplate jdbc;
    private final DayLog day;
    private final RandomStreams random;
    private final BiConsumer<Instant, Runnable> plan;
    private final Map<String, AgentState> states = new HashMap<>();
    private int plannedChanges;

    /** @param plan plans an action at a virtual instant */
    SimulatedAgents(Agents agents, IdentityService identityService, JdbcTemplate jdbc, DayLog day,
            RandomStreams random, BiConsumer<Instant, Runnable> plan) {
        this.agents = agents;
        this.identityService = identityService;
        this.jdbc = jdbc;
        this.day = day;
        this.random = random;
        this.plan = plan;
    }

    void planDay(Scenario scenario) {
        for (RosterAgent template : scenario.roster()) {
            for (RosterAgent agent : template.expanded()) {
                if (day.agents.containsKey(agent.id())) {
                    throw new IllegalArgumentException("The roster names agent " + agent.id() + " twice.");
                }
                User user = identityService.newUser(agent.id());
                user.setFirstName(agent.id());
                identityService.saveUser(user);
                agents.save(agent.id(), new AgentProfile(agent.id(), agent.skills(), agent.capacity(), agent.groups(),
                        agent.answerMode()));
                Instant shiftStart = scenario.start().plus(agent.shiftStart());
                Instant shiftEnd = agent.shiftEnd() == null ? null : scenario.start().plus(agent.shiftEnd());
                day.agents.put(agent.id(), new DayLog.AgentDay(agent.id(), shiftStart, shiftEnd));
                states.put(agent.id(), new AgentState());
                plan.accept(shiftStart, () -> change(agent.id(), s -> s.onShift = true));
                if (shiftEnd != null) {
                    plan.accept(shiftEnd, () -> change(agent.id(), s -> s.onShift = false));
                }
                for (RosterAgent.Break pause : agent.breaks()) {
                    away(agent.id(), pause.reason(), scenario.start().plus(pause.from()), pause.length());
                }
                if (agent.pauses() != null && agent.pauses().perHour() > 0) {
                    planPauses(agent, shiftStart, shiftEnd == null ? scenario.end() : shiftEnd);
                }
            }
        }
    }

    /**
     * The agent let an offer go unanswered: the process takes it back and sets them NOT_READY (RONA); they are
     * READY again at {@code readyAgainAt} if nothing else keeps them away.
     */
    void missedOffer(String agentId, Instant readyAgainAt) {
        states.get(agentId).rona = true;
        plan.accept(readyAgainAt, () -> change(agentId, s -> s.rona = false));
    }

    /** Random NOT_READY periods: a Poisson process of starts, exponential lengths. */
    private void planPauses(RosterAgent agent, Instant from, Instant until) {
        RandomGenerator pauses = random.pauses();
        double meanGap = 3600 / agent.pauses().perHour();
        Instant at = from;
        while (true) {
            at = at.plusMillis((long) (-meanGap * Math.log(1 - pauses.nextDouble()) * 1000));
            if (!at.isBefore(until)) {
                return;
            }
            long seconds = (long) (-agent.pauses().meanMinutes() * 60 * Math.log(1 - pauses.nextDouble()));
            away(agent.id(), agent.pauses().reason(), at, Duration.ofSeconds(Math.max(1, seconds)));
        }
    }

    /** Breaks and pauses over the whole roster, at most: beyond, the scenario is refused rather than run for hours. */
    static final int MAX_PLANNED_CHANGES = 1_000_000;

    private void away(String agentId, String reason, Instant from, Duration length) {
        if (++plannedChanges > MAX_PLANNED_CHANGES) {
            throw new IllegalArgumentException("The roster plans more than " + MAX_PLANNED_CHANGES
                    + " breaks and pauses.");
        }
        plan.accept(from, () -> change(agentId, s -> {
            s.away++;
            s.awayReason = reason;
        }));
        plan.accept(from.plus(length), () -> change(agentId, s -> s.away--));
    }

    /** Changes what the day knows of the agent and tells Worklane when their presence changes with it. */
    private void change(String agentId, Consumer<AgentState> change) {
        AgentState state = states.get(agentId);
        change.accept(state);
        Presence wanted = state.wanted();
        String current = jdbc.queryForObject("SELECT presence FROM agent WHERE id = ?", String.class, agentId);
        if (wanted.name().equals(current)) {
            return;
        }
        switch (wanted) {
            case READY -> agents.changePresence(agentId, new PresenceChange(Presence.READY, null));
            case NOT_READY -> {
                // a RONA's NOT_READY is the process's to set
                if (!state.rona) {
                    agents.changePresence(agentId, new PresenceChange(Presence.NOT_READY, reasonFor(state.awayReason)));
                }
            }
            case LOGGED_OUT -> agents.markLoggedOut(agentId);
        }
    }

    /**
     * The reason as given when it is one this application knows, else its first: only READY or not matters to the
     * figures (a recorded day may name reasons configured on its node only, or "Logged out" for a gap in a shift).
     */
    private String reasonFor(String reason) {
        List<String> known = agents.notReadyReasons();
        if (known.isEmpty()) {
            throw new IllegalStateException("NOT_READY needs a reason, and worklane.agent.not-ready-reasons names none");
        }
        return known.contains(reason) ? reason : known.get(0);
    }
}
