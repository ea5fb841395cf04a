package io.worklane.workitem;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.value.TypedValue;

import io.worklane.security.WorklaneGroups;

/** Who caused a transition: reports and the history endpoint show it. */
public record Actor(Type type, String id) {

    public enum Type {
        SOURCE_SYSTEM, AGENT, SUPERVISOR, USER, TIMER, SYSTEM
    }

    public static Actor system(String component) {
        return new Actor(Type.SYSTEM, component);
    }

    public static Actor timer(String timer) {
        return new Actor(Type.TIMER, timer);
    }

    public static Actor agent(String agentId) {
        return new Actor(Type.AGENT, agentId);
    }

    public static Actor sourceSystem(String sourceSystem) {
        return new Actor(Type.SOURCE_SYSTEM, sourceSystem);
    }

    /** The form in which the API hands the actor to the process, as a transient variable. */
    public String encoded() {
        return type + ":" + id;
    }

    /**
     * Who triggered what a delegate is doing: the actor the API passed along, else the Camunda user of the call
     * (engine REST, Tasklist; the item's assignee counts as
     * its agent), else the fallback.
     */
    public static Actor of(DelegateExecution execution, Actor fallback) {
        // only Worklane's own, transient hand-over counts: a stored "actor" variable could be set by anyone
        TypedValue typed = execution.getVariableTyped(WorkItemProcess.ACTOR);
        Object encoded = typed != null && typed.isTransient() ? typed.getValue() : null;
        if (encoded instanceof String text && text.contains(":")) {
            int colon = text.indexOf(':');
            return new Actor(Type.valueOf(text.substring(0, colon)), text.substring(colon + 1));
        }
        Actor user = ofEngineUser(execution);
        if (user != null) {
            boolean isAssignee = user.id().equals(execution.getVariable(WorkItemProcess.ASSIGNEE));
            return isAssignee ? agent(user.id()) : user;
        }
        return fallback;
    }

    /** The Camunda user calling the engine (engine REST, Tasklist, Cockpit), as who they are; null if none. */
    public static Actor ofEngineUser(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (user == null || user.getUserId() == null) {
            return null;
        }
        boolean supervisor = user.getGroupIds() != null && user.getGroupIds().contains(WorklaneGroups.SUPERVISORS);
        return new Actor(supervisor ? Type.SUPERVISOR : Type.USER, user.getUserId());
    }
}
