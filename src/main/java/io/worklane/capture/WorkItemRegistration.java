package io.worklane.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;

import io.worklane.workitem.Actor;
import io.worklane.workitem.NewWorkItem;
import io.worklane.workitem.WorkItems;

/**
 * Registers a new item, whichever door it came through, and decides whether it may go on: an item without external
 * id or source system, or with malformed attributes, is registered and then rejected by the process.
 */
@Service
class WorkItemRegistration {

    /** The row's {@code rejection_reason} holds this many characters. */
    private static final int REASON_LENGTH = 500;

    private final WorkItems workItems;
    private final CaptureRules rules;

    WorkItemRegistration(WorkItems workItems, CaptureRules rules) {
        this.workItems = workItems;
        this.rules = rules;
    }

    /**
     * @param businessKey the key the instance was started with; null or blank: a new id
     * @return the new item's id
     * @throws BadUserRequestException when the key names an existing item
     */
    String newItemId(String businessKey) {
        if (businessKey == null || businessKey.isBlank()) {
            return UUID.randomUUID().toString();
        }
        if (workItems.find(businessKey).isPresent()) {
            throw new BadUserRequestException("Business key " + businessKey + " names an existing work item; start "
                    + "without a business key (or restart that item).");
        }
        return businessKey;
    }

    /**
     * @return why the item is rejected, shortened to fit the row; empty when it is valid
     * @throws BadUserRequestException when its source system captured this external id before (only a direct
     *         engine REST start gets here: the capture API answers with the existing item first)
     */
    String register(CaptureVariables.Reading reading) {
        List<String> problems = new ArrayList<>(reading.problems());
        // a text too long to read was left out: its field is reported once, not again as missing
        rules.invalidFields(reading.item())
            .stream()
            .filter(error -> reading.problems().stream().noneMatch(read -> read.startsWith(error.field() + " ")))
            .forEach(error -> problems.add(error.toString()));
        NewWorkItem item = reading.item();
        if (item.sourceSystem() != null && item.externalId() != null) {
            workItems.findBySource(item.sourceSystem(), item.externalId()).ifPresent(existing -> {
                throw new BadUserRequestException("Work item " + existing.id() + " already captured "
                        + item.sourceSystem() + "/" + item.externalId() + "; restart it instead.");
            });
        }
        workItems.register(item, Actor.sourceSystem(item.sourceSystem() == null ? "unknown" : item.sourceSystem()));
        String reason = String.join("; ", problems);
        return reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH - 3) + "...";
    }
}
