package io.worklane.context;

import static io.worklane.workitem.WorkItemProcess.ATTRIBUTES;
import static io.worklane.workitem.WorkItemProcess.CONTEXT_CHANGED;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/**
 * Asks the context sources about an item and records what they said as its context data. Values looked up before
 * are asked again, never taken as the source system's; an attribute no source knows any more is removed.
 */
@Service
class ContextEnrichment {

    private final ContextLookup contextLookup;
    private final WorkItems workItems;

    ContextEnrichment(ContextLookup contextLookup, WorkItems workItems) {
        this.contextLookup = contextLookup;
        this.workItems = workItems;
    }

    /**
     * Every source, at capture, reclassification and resume.
     *
     * @param variables the item's process variables
     * @return the process variables to set (null: remove), for the decisions and the form
     */
    Map<String, Object> lookUp(WorkItemRef ref, Map<String, Object> variables) {
        Map<String, Object> before = contextDataOf(ref);
        Map<String, Object> item = askable(variables);
        before.keySet().forEach(item::remove);
        ContextOutcome outcome = contextLookup.lookUp(item);
        return outcome.sources().isEmpty() ? Map.of() : record(ref, before, before.keySet(), outcome);
    }

    /**
     * The sources configured with {@code refresh-on-reprioritization}, at a step of the priority schema; what the
     * other sources said stays.
     *
     * @param variables the item's process variables, read only when a source is to be asked
     * @return the process variables to set (null: remove)
     */
    Map<String, Object> refresh(WorkItemRef ref, Supplier<Map<String, Object>> variables) {
        Set<String> refreshed = contextLookup.refreshedAttributes();
        if (refreshed.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> before = contextDataOf(ref);
        Map<String, Object> item = askable(variables.get());
        before.keySet().stream().filter(refreshed::contains).forEach(item::remove);
        ContextOutcome outcome = contextLookup.refresh(item);
        if (outcome.sources().values().stream().allMatch(status -> "SKIPPED".equals(status.get("status")))) {
            // none of them knows what to ask about this item: nothing to record at every step
            return Map.of();
        }
        return record(ref, before, refreshed, outcome);
    }

    /** What was there before, but what was asked again, then the answers. */
    private Map<String, Object> record(WorkItemRef ref, Map<String, Object> before, Set<String> askedAgain,
            ContextOutcome outcome) {
        Map<String, Object> values = new LinkedHashMap<>(before);
        values.keySet().removeAll(askedAgain);
        values.putAll(outcome.values());
        Map<String, Object> variables = new HashMap<>();
        if (!values.equals(before)) {
            // for this step only: the service level is decided again with the new context
            variables.put(CONTEXT_CHANGED, Variables.booleanValue(true, true));
        }
        before.keySet().stream().filter(attribute -> !values.containsKey(attribute))
            .forEach(attribute -> variables.put(attribute, null));
        variables.putAll(workItems.recordContext(ref, values, outcome.sources()));
        return variables;
    }

    private Map<String, Object> contextDataOf(WorkItemRef ref) {
        return workItems.find(ref.id()).map(found -> found.contextData()).orElse(Map.of());
    }

    /** What sources may be asked about: the item's variables, with its custom attributes as if they were some. */
    private static Map<String, Object> askable(Map<String, Object> variables) {
        Map<String, Object> item = new HashMap<>(variables);
        if (item.get(ATTRIBUTES) instanceof Map<?, ?> custom) {
            custom.forEach((key, value) -> item.putIfAbsent(key.toString(), value));
        }
        return item;
    }
}
