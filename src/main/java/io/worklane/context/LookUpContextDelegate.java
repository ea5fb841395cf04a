package io.worklane.context;

import static io.worklane.workitem.WorkItemProcess.ATTRIBUTES;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/**
 * "Look up context": runs as its own job, so capture answers without waiting for third parties, and no row lock
 * is held while a source is asked. The answers become process variables (for the decisions and the form) and
 * the item's context data.
 */
@Component
class LookUpContextDelegate implements JavaDelegate {

    private final ContextLookup contextLookup;
    private final WorkItems workItems;

    LookUpContextDelegate(ContextLookup contextLookup, WorkItems workItems) {
        this.contextLookup = contextLookup;
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WorkItemRef ref = WorkItemRef.of(execution);
        Map<String, Object> item = itemOf(execution);
        // what an earlier lookup filled is asked again (reclassify, resume), not taken as the source system's
        Set<String> lookedUpBefore = workItems.find(ref.id()).map(found -> found.contextData().keySet()).orElse(Set.of());
        lookedUpBefore.forEach(item::remove);
        ContextOutcome outcome = contextLookup.lookUp(item);
        if (outcome.sources().isEmpty()) {
            return;
        }
        lookedUpBefore.stream()
            .filter(attribute -> !outcome.values().containsKey(attribute))
            .forEach(attribute -> execution.setVariable(attribute, null));
        workItems.recordContext(ref, outcome.values(), outcome.sources()).forEach(execution::setVariable);
    }

    /** What sources may be asked about: the item's variables, with its custom attributes as if they were some. */
    static Map<String, Object> itemOf(DelegateExecution execution) {
        Map<String, Object> item = new HashMap<>(execution.getVariables());
        if (item.get(ATTRIBUTES) instanceof Map<?, ?> custom) {
            custom.forEach((key, value) -> item.putIfAbsent(key.toString(), value));
        }
        return item;
    }
}
