package io.worklane.context;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.WorkItemRef;

/**
 * "Refresh context": at a step of the priority schema, asks again the sources configured with
 * {@code refresh-on-reprioritization} ({@link ContextEnrichment#refresh}). Runs in the reprioritization timer's
 * job, before any row is changed, so no lock is held while a source answers.
 */
@Component
class RefreshContextDelegate implements JavaDelegate {

    private final ContextEnrichment enrichment;

    RefreshContextDelegate(ContextEnrichment enrichment) {
        this.enrichment = enrichment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(enrichment.refresh(WorkItemRef.of(execution), execution::getVariables));
    }
}
