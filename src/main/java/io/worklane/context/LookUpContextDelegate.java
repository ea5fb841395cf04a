package io.worklane.context;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.WorkItemRef;

/**
 * "Look up context": runs as its own job, so capture answers without waiting for third parties, and no row lock
 * is held while a source is asked. The answers become process variables (for the decisions and the form) and
 * the item's context data ({@link ContextEnrichment#lookUp}).
 */
@Component
class LookUpContextDelegate implements JavaDelegate {

    private final ContextEnrichment enrichment;

    LookUpContextDelegate(ContextEnrichment enrichment) {
        this.enrichment = enrichment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(enrichment.lookUp(WorkItemRef.of(execution), execution.getVariables()));
    }
}
