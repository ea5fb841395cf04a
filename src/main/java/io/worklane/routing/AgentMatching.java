package io.worklane.routing;

import org.springframework.stereotype.Service;

/**
 * Whether any agent profile could ever be offered an item with a given skill target, whatever their presence or
 * load now: a transfer to a target nobody matches would bury the item.
 */
@Service
public class AgentMatching {

    private final RoutingRepository repository;

    AgentMatching(RoutingRepository repository) {
        this.repository = repository;
    }

    public boolean anyAgentMatches(SkillExpression target) {
        return repository.allAgents().values().stream()
            .anyMatch(agent -> target.matches(agent.skills(), agent.groups()));
    }
}
