package io.worklane.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.worklane.workitem.WorkItemEventType;
import io.worklane.workitem.WorkItemEventView;
import io.worklane.workitem.WorkItemState;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

/** Answers "why is this item still waiting" (and "why did it go to whom") from the rows as they are now. */
@Service
class Waiting {

    private final WorkItems workItems;
    private final RoutingRepository routing;
    private final WaitingQueries queries;
    private final SkillExpressions expressions;

    Waiting(WorkItems workItems, RoutingRepository routing, WaitingQueries queries, SkillExpressions expressions) {
        this.workItems = workItems;
        this.routing = routing;
        this.queries = queries;
        this.expressions = expressions;
    }

    @Transactional(readOnly = true)
    WaitingReport report(WorkItemView item) {
        boolean queued = item.state() == WorkItemState.QUEUED;
        String declinedBy = queued ? routing.queuedItem(item.id()).map(RoutingRepository.Target::declinedBy).orElse(null)
                : null;
        Map<String, RoutingRepository.Profile> profiles = routing.allAgents();
        WaitingReport.MatchingAgents agents = matching(item, declinedBy, profiles);
        Map<String, Integer> groups = groupMembers(item, profiles);
        Long position = queued && item.priority() != null && item.queuedAt() != null
                ? queries.itemsAhead(item.id(), item.mediaType(), item.priority(), item.queuedAt()) + 1 : null;
        return new WaitingReport(item.id(), item.processInstanceId(), item.state().name(), item.targetLevel(), item.targetExpression(),
                item.preferredAgent(), declinedBy, item.mediaType(), item.priority(), position,
                queued ? item.nextTargetExpansionAt() : null, queued ? item.nextReprioritizationAt() : null, agents,
                groups, lastOffer(item.id()), summary(item, agents, groups, position, declinedBy));
    }

    private WaitingReport.MatchingAgents matching(WorkItemView item, String declinedBy,
            Map<String, RoutingRepository.Profile> profiles) {
        RoutingRepository.Profile none = new RoutingRepository.Profile(Map.of(), Set.of());
        List<WaitingQueries.AgentState> states = queries.agentStates(item.mediaType())
            .stream()
            .filter(agent -> !agent.id().equals(declinedBy))
            .filter(agent -> matches(item, agent.id(), profiles.getOrDefault(agent.id(), none)))
            .toList();
        int ready = 0;
        int atCapacity = 0;
        int loggedOut = 0;
        Map<String, Integer> notReady = new TreeMap<>();
        for (WaitingQueries.AgentState agent : states) {
            switch (agent.presence()) {
                case "READY" -> {
                    if (agent.hasFreeSlot()) {
                        ready++;
                    }
                    else {
                        atCapacity++;
                    }
                }
                case "NOT_READY" -> notReady.merge(agent.reason() == null ? "no reason" : agent.reason(), 1,
                        Integer::sum);
                default -> loggedOut++;
            }
        }
        return new WaitingReport.MatchingAgents(states.size(), ready, atCapacity, notReady, loggedOut);
    }

    private boolean matches(WorkItemView item, String agentId, RoutingRepository.Profile profile) {
        if (RoutingTargets.PREFERRED.equals(item.targetLevel())) {
            return agentId.equals(item.preferredAgent());
        }
        return item.targetExpression() == null
                || expressions.of(item.targetExpression()).matches(profile.skills(), profile.groups());
    }

    /** Per group the current target names, its members: a group target nobody matches says whom it lacks. */
    private Map<String, Integer> groupMembers(WorkItemView item, Map<String, RoutingRepository.Profile> profiles) {
        Map<String, Integer> members = new LinkedHashMap<>();
        if (item.targetExpression() != null && !RoutingTargets.PREFERRED.equals(item.targetLevel())) {
            expressions.of(item.targetExpression()).groups().forEach(group -> members.put(group,
                    (int) profiles.values().stream().filter(profile -> profile.groups().contains(group)).count()));
        }
        return members;
    }

    private Map<String, Object> lastOffer(String id) {
        List<WorkItemEventView> history = workItems.history(id);
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).type() == WorkItemEventType.OFFERED) {
                return history.get(i).details();
            }
        }
        return null;
    }

    /** Why a group target finds nobody: an empty group, or members who miss the rest of the target. */
    private static String groups(Map<String, Integer> groups) {
        if (groups.isEmpty()) {
            return "";
        }
        return " (" + groups.entrySet().stream()
            .map(group -> group.getValue() == 0 ? "nobody is in group \"" + group.getKey() + "\""
                    : "group \"" + group.getKey() + "\" has " + group.getValue() + " member" + (group.getValue() == 1 ? "" : "s"))
            .collect(Collectors.joining("; ")) + ")";
    }

    private static String summary(WorkItemView item, WaitingReport.MatchingAgents agents, Map<String, Integer> groups,
            Long position, String declinedBy) {
        if (item.state() != WorkItemState.QUEUED) {
            return "It is not waiting for an agent: " + item.state()
                    + (item.assignee() != null ? ", with " + item.assignee() : "") + ".";
        }
        String target = RoutingTargets.PREFERRED.equals(item.targetLevel()) ? "its preferred agent " + item.preferredAgent()
                : item.targetExpression() == null ? "any agent" : "'" + item.targetExpression() + "'";
        String widens = item.nextTargetExpansionAt() != null ? " Its target widens at " + item.nextTargetExpansionAt()
                + "." : " Its target does not widen any further.";
        String declined = declinedBy != null ? " (" + declinedBy + " declined it and is passed over until someone "
                + "else has taken it)" : "";
        if (agents.total() == 0) {
            return "No agent matches " + target + declined + groups(groups) + "." + widens;
        }
        if (agents.ready() > 0) {
            return agents.ready() + " READY agent(s) matching " + target + " have a free slot; it is number " + position
                    + " in the queue for " + item.mediaType() + " and goes out when the items ahead are taken.";
        }
        String notReady = agents.notReady().isEmpty() ? ""
                : ", " + agents.notReady().entrySet().stream().map(e -> e.getValue() + " NOT_READY (" + e.getKey() + ")")
                    .collect(Collectors.joining(", "));
        return "Nobody matching " + target + " is free" + declined + ": " + agents.total() + " match, "
                + agents.readyAtCapacity() + " READY at capacity" + notReady + ", " + agents.loggedOut()
                + " logged out." + widens;
    }
}
