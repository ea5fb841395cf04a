package io.worklane.capture;

import static io.worklane.workitem.WorkItemProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.worklane.workitem.Actor;
import io.worklane.workitem.NewWorkItem;
import io.worklane.workitem.WorkItems;

/**
 * "Validate core attributes": registers the item (whichever door it came through) and decides whether it may
 * go on. An item without external id or source system, or with malformed attributes, is rejected by the process.
 */
@Component
class ValidateCoreAttributesDelegate implements JavaDelegate {

    private final WorkItems workItems;
    private final CaptureRules rules;

    ValidateCoreAttributesDelegate(WorkItems workItems, CaptureRules rules) {
        this.workItems = workItems;
        this.rules = rules;
    }

    /** A source system calling the engine REST API captures for itself, as over the capture API. */
    private static void bindSourceSystem(DelegateExecution execution) {
        String caller = EngineCaller.boundSourceSystem(execution);
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

    @Override
    public void execute(DelegateExecution execution) {
        EngineCaller.dropForgedVariables(execution);
        bindSourceSystem(execution);
        // Blank means not given. An absent variable stays absent: decisions (FEEL) and forms read it as null,
        // and a null row per attribute the source left out would be written and kept in history for every item.
        for (String name : CAPTURE_VARIABLES) {
            if (execution.getVariable(name) instanceof String text && text.isBlank()) {
                execution.setVariable(name, null);
            }
        }
        String id = execution.getProcessBusinessKey();
        if (id == null || id.isBlank()) {
            id = UUID.randomUUID().toString();
            execution.setProcessBusinessKey(id);
        }
        else if (workItems.find(id).isPresent()) {
            throw new BadUserRequestException("Business key " + id + " names an existing work item; start without "
                    + "a business key (or restart that item).");
        }
        // the API's validated hand-over, else (a start over the engine REST API, checked at that door) the variables
        String itemId = id;
        CaptureVariables.Reading reading = CaptureVariables.submitted(execution)
            .map(item -> new CaptureVariables.Reading(item, List.of()))
            .orElseGet(() -> CaptureVariables.read(itemId, execution.getProcessInstanceId(), execution));
        List<String> problems = new ArrayList<>(reading.problems());
        // a text too long to read was left out: its field is reported once, not again as missing
        rules.invalidFields(reading.item())
            .stream()
            .filter(error -> reading.problems().stream().noneMatch(read -> read.startsWith(error.field() + " ")))
            .forEach(error -> problems.add(error.toString()));

        NewWorkItem item = reading.item();
        if (item.sourceSystem() != null && item.externalId() != null) {
            workItems.findBySource(item.sourceSystem(), item.externalId()).ifPresent(existing -> {
                // only a direct engine REST start gets here: the capture API answers with the existing item first
                throw new BadUserRequestException("Work item " + existing.id() + " already captured "
                        + item.sourceSystem() + "/" + item.externalId() + "; restart it instead.");
            });
        }
        String actor = reading.item().sourceSystem() == null ? "unknown" : reading.item().sourceSystem();
        workItems.register(reading.item(), Actor.sourceSystem(actor));
        execution.setVariable(WORK_ITEM_ID, id);
        execution.setVariable(CORE_ATTRIBUTES_VALID, problems.isEmpty());
        if (!problems.isEmpty()) {
            String reason = String.join("; ", problems);
            // the row's rejection_reason holds 500 characters
            execution.setVariable(REJECTION_REASON, reason.length() <= 500 ? reason : reason.substring(0, 497) + "...");
        }
    }
}
