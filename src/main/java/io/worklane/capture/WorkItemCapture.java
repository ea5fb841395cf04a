package io.worklane.capture;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.worklane.security.Caller;
import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemProcess;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

/** Captures work items: starts one {@code work-item} process per new (source system, external id). */
@Service
public class WorkItemCapture {

    private final RuntimeService runtimeService;
    private final WorkItems workItems;
    private final TransactionTemplate transaction;
    private final CaptureRules rules;
    private final ObjectMapper json;

    WorkItemCapture(RuntimeService runtimeService, WorkItems workItems, TransactionTemplate transaction,
            CaptureRules rules, ObjectMapper json) {
        this.json = json;
        this.runtimeService = runtimeService;
        this.workItems = workItems;
        this.transaction = transaction;
        this.rules = rules;
    }

    /** The outcome of a capture: the item, and whether this call created it. */
    public record Captured(WorkItemView item, boolean created) {
    }

    /**
     * Captures an item for a source system from its capture attributes (the body {@code POST /api/work-items}
     * takes), under the same rules: the what-if simulation's arrivals.
     */
    public Captured captureAs(String sourceSystem, String externalId, Map<String, Object> attributes) {
        Map<String, Object> body = new HashMap<>(attributes);
        body.put("externalId", externalId);
        body.put("sourceSystem", sourceSystem);
        CaptureRequest request;
        try {
            request = json.convertValue(body, CaptureRequest.class);
        }
        catch (IllegalArgumentException e) {
            throw Problems.invalid("The item's attributes are not a capture body: " + e.getMessage());
        }
        return capture(request, new Caller(sourceSystem, Set.of()));
    }

    Captured capture(CaptureRequest request, Caller caller) {
        String sourceSystem = sourceSystemOf(request, caller);
        rules.check(request, sourceSystem);
        var existing = workItems.findBySource(sourceSystem, request.externalId());
        if (existing.isPresent()) {
            return new Captured(existing.get(), false);
        }
        String id = UUID.randomUUID().toString();
        try {
            WorkItemView item = transaction.execute(status -> {
                runtimeService.createProcessInstanceByKey(WorkItemProcess.PROCESS_KEY)
                    .businessKey(id)
                    .setVariables(CaptureVariables.from(request, sourceSystem))
                    .execute();
                return workItems.find(id).orElseThrow();
            });
            return new Captured(item, true);
        }
        catch (RuntimeException e) {
            // A concurrent capture of the same external id won the unique constraint: answer with its item.
            return workItems.findBySource(sourceSystem, request.externalId())
                .map(item -> new Captured(item, false))
                .orElseThrow(() -> e);
        }
    }

    private static String sourceSystemOf(CaptureRequest request, Caller caller) {
        if (caller.isSourceSystemOnly()) {
            if (request.sourceSystem() != null && !request.sourceSystem().equals(caller.userId())) {
                throw Problems.forbidden("Source system '" + caller.userId() + "' cannot capture items for '"
                        + request.sourceSystem() + "'.");
            }
            return caller.userId();
        }
        // anyone else names it (checked with the other attributes)
        return request.sourceSystem();
    }
}
