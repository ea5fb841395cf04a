package io.worklane.capture;

import static io.worklane.workitem.WorkItemProcess.ACTOR;
import static io.worklane.workitem.WorkItemProcess.CHANGED_FIELDS;
import static io.worklane.workitem.WorkItemProcess.SOURCE_SYSTEM;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.value.TypedValue;

import io.worklane.security.WorklaneGroups;

/** Who called the engine (its REST API, Tasklist) when a delegate runs, and what that caller may not do. */
final class EngineCaller {

    private EngineCaller() {
    }

    /** The source system a caller of the engine REST API is bound to; null for anyone else (or no caller). */
    static String boundSourceSystem(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (user == null || user.getUserId() == null) {
            return null;
        }
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        boolean sourceSystemOnly = groups.contains(WorklaneGroups.SOURCE_SYSTEMS)
                && !groups.contains(WorklaneGroups.SUPERVISORS) && !groups.contains(WorklaneGroups.ADMINS);
        return sourceSystemOnly ? user.getUserId() : null;
    }

    /** A source system calling the engine REST API captures for itself, as over the capture API. */
    static void bindSourceSystem(DelegateExecution execution) {
        String caller = boundSourceSystem(execution);
        if (caller == null) {
            return;
        }
        Object declared = execution.getVariable(SOURCE_SYSTEM);
        if (declared == null || declared.toString().isBlank()) {
            execution.setVariable(SOURCE_SYSTEM, caller);
        }
        else if (!caller.equals(declared.toString())) {
            throw new BadUserRequestException("Source system '" + caller + "' cannot capture items for '" + declared
                    + "'.");
        }
    }

    /** Variables only Worklane hands over, and only transiently: a stored one would be a forgery. */
    static void dropForgedVariables(DelegateExecution execution) {
        for (String reserved : List.of(ACTOR, CHANGED_FIELDS)) {
            TypedValue value = execution.getVariableTyped(reserved);
            if (value != null && !value.isTransient()) {
                execution.removeVariable(reserved);
            }
        }
    }
}
