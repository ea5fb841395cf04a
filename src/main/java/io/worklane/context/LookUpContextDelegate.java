package io.worklane.context;

import static io.worklane.workitem.WorkItemProcess.ATTRIBUTES;
import static io.worklane.workitem.WorkItemProcess.WORK_ITEM_ID;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

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
        Map<String, Object> item = new HashMap<>(execution.getVariables());
        if (item.get(ATTRIBUTES) instanceof Map<?, ?> custom) {
            custom.forEach((key, value) -> item.putIfAbsent(key.toString(), value));
        }
        ContextOutcome outcome = contextLookup.lookUp(item);
        if (outcome.sources().isEmpty()) {
            return;
        }
        outcome.values().forEach(execution::setVariable);
        workItems.recordContext((String) execution.getVariable(WORK_ITEM_ID), outcome.values(), outcome.sources());
    }
}
