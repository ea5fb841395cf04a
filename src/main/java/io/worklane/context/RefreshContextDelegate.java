package io.worklane.context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/**
 * "Refresh context": at a step of the priority schema, asks again the sources configured with
 * {@code refresh-on-reprioritization}; what the other sources said stays. Runs in the reprioritization timer's
 * job, before any row is changed, so no lock is held while a source answers.
 */
@Component
class RefreshContextDelegate implements JavaDelegate {

    private final ContextLookup contextLookup;
    private final WorkItems workItems;

    RefreshContextDelegate(ContextLookup contextLookup, WorkItems workItems) {
        this.contextLookup = contextLookup;
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Set<String> refreshed = contextLookup.refreshedAttributes();
        if (refreshed.isEmpty()) {
            return;
        }
        WorkItemRef ref = WorkItemRef.of(execution);
        Map<String, Object> before = workItems.find(ref.id()).map(found -> found.contextData()).orElse(Map.of());
        Map<String, Object> item = LookUpContextDelegate.itemOf(execution);
        // looked-up values are asked again, not taken as the source system's
        before.keySet().stream().filter(refreshed::contains).forEach(item::remove);
        ContextOutcome outcome = contextLookup.refresh(item);
        if (outcome.sources().values().stream().allMatch(status -> "SKIPPED".equals(status.get("status")))) {
            // none of them knows what to ask about this item: nothing to record at every step
            return;
        }

        Map<String, Object> values = new LinkedHashMap<>(before);
        values.keySet().removeAll(refreshed);
        values.putAll(outcome.values());
        before.keySet()
            .stream()
            .filter(attribute -> !values.containsKey(attribute))
            .forEach(attribute -> execution.setVariable(attribute, null));
        workItems.recordContext(ref, values, outcome.sources()).forEach(execution::setVariable);
    }
}
