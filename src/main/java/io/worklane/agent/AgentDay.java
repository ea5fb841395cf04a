package io.worklane.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.worklane.workitem.AgentActivity;

/**
 * An agent's day so far ("My day"): items handled, handle time, answers to offers, time in each presence (the
 * current one counted up to now), and load against capacity.
 */
@Service
@Transactional(readOnly = true)
public class AgentDay {

    /** NOT_READY without a reason: how a new agent starts. */
    static final String NO_REASON = "none";

    /**
     * @param notReadySeconds per reason
     * @param load per media type: items held and capacity
     */
    public record View(String agentId, LocalDate date, String zone, Instant from, Instant until, long handled,
            Long averageHandleSeconds, long accepted, long declined, long rona, long readySeconds,
            Map<String, Long> notReadySeconds, long loggedOutSeconds, Map<String, Load> load) {
    }

    public record Load(long items, Integer capacity) {
    }

    private final Agents agents;
    private final PresenceHistory history;
    private final AgentActivity activity;
    private final Clock clock;

    AgentDay(Agents agents, PresenceHistory history, AgentActivity activity, Clock clock) {
        this.agents = agents;
        this.history = history;
        this.activity = activity;
        this.clock = clock;
    }

    public View of(String agentId, ZoneId zone) {
        AgentView agent = agents.view(agentId);
        Instant now = clock.instant();
        LocalDate date = LocalDate.ofInstant(now, zone);
        Instant from = date.atStartOfDay(zone).toInstant();
        var times = new Times();
        List<PresenceHistory.Change> changes = history.since(agentId, from, now);
        Instant cursor = from;
        Presence state;
        String reason;
        int next = 0;
        if (changes.isEmpty()) {
            // no change recorded since the agent's current presence began (or before V9)
            state = agent.presence().state();
            reason = agent.presence().reason();
            cursor = agent.presence().since().isAfter(from) ? agent.presence().since() : from;
        }
        else if (changes.get(0).at().isBefore(from)) {
            state = changes.get(0).to();
            reason = changes.get(0).toReason();
            next = 1;
        }
        else {
            state = changes.get(0).from();
            reason = changes.get(0).fromReason();
        }
        for (var change : changes.subList(next, changes.size())) {
            times.add(state, reason, Duration.between(cursor, change.at()));
            cursor = change.at();
            state = change.to();
            reason = change.toReason();
        }
        times.add(state, reason, Duration.between(cursor, now));

        var done = activity.of(agentId, from, now);
        Map<String, Load> load = new TreeMap<>();
        agent.capacity().forEach((media, capacity) -> load.put(media, new Load(0, capacity)));
        agent.load().forEach((media, items) -> load.put(media, new Load(items, agent.capacity().get(media))));
        return new View(agentId, date, zone.getId(), from, now, done.handled(), done.averageHandleSeconds(),
                done.accepted(), done.declined(), done.noAnswer(), times.ready, times.notReady, times.loggedOut, load);
    }

    private static final class Times {

        long ready;
        long loggedOut;
        final Map<String, Long> notReady = new TreeMap<>();

        /** A state before the agent existed (null) counts nowhere. */
        void add(Presence state, String reason, Duration duration) {
            long seconds = Math.max(0, duration.toSeconds());
            if (state == Presence.READY) {
                ready += seconds;
            }
            else if (state == Presence.LOGGED_OUT) {
                loggedOut += seconds;
            }
            else if (state == Presence.NOT_READY) {
                notReady.merge(reason == null ? NO_REASON : reason, seconds, Long::sum);
            }
        }
    }
}
