package io.worklane.workitem;

/** Who caused a transition: reports and the history endpoint show it. */
public record Actor(Type type, String id) {

    public enum Type {
        SOURCE_SYSTEM, AGENT, SUPERVISOR, TIMER, SYSTEM
    }

    public static Actor system(String component) {
        return new Actor(Type.SYSTEM, component);
    }

    public static Actor agent(String agentId) {
        return new Actor(Type.AGENT, agentId);
    }

    public static Actor sourceSystem(String sourceSystem) {
        return new Actor(Type.SOURCE_SYSTEM, sourceSystem);
    }
}
