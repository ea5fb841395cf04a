package io.worklane.priority;

import static io.worklane.workitem.WorkItemProcess.CONTEXT_CHANGED;
import static io.worklane.workitem.WorkItemProcess.SERVICE_LEVEL_OUTDATED;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import io.worklane.workitem.ActivityStartHook;
import io.worklane.workitem.PriorityTerms;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/**
 * Whether a priority step decides the item's service level again: when "Refresh context" changed its context data,
 * or when a version of {@code decisions/service-level.dmn} newer than the one that chose its terms is deployed.
 * Otherwise the step keeps the item's terms and only moves its priority along the curve. Set as the transient
 * {@code serviceLevelOutdated} as "Rules or context changed?" starts, which the gateway's condition reads (models
 * only read values, never call code).
 */
@Component
class ServiceLevelRules implements ActivityStartHook {

    static final String DECISION_KEY = "service-level";
    static final String DECISION_POINT = "Gateway_DecideServiceLevelAgain";

    private final WorkItems workItems;
    private final PriorityRules rules;

    ServiceLevelRules(WorkItems workItems, PriorityRules rules) {
        this.workItems = workItems;
        this.rules = rules;
    }

    @Override
    public Set<String> activityIds() {
        return Set.of(DECISION_POINT);
    }

    @Override
    public void onStart(DelegateExecution execution) {
        execution.setVariable(SERVICE_LEVEL_OUTDATED, Variables.booleanValue(outdated(execution), true));
    }

    private boolean outdated(DelegateExecution execution) {
        if (Boolean.TRUE.equals(execution.getVariable(CONTEXT_CHANGED))) {
            return true;
        }
        PriorityTerms terms = workItems.priorityView(WorkItemRef.of(execution).id()).terms();
        return terms == null || terms.decidedBy() == null || !terms.decidedBy().equals(latest());
    }

    /** The id of the latest deployed version of {@code service-level}. */
    String latest() {
        return rules.latestDecisionId(DECISION_KEY);
    }
}
