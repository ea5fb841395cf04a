package io.worklane.capture;

import static io.worklane.workitem.WorkItemProcess.ACTOR;
import static io.worklane.workitem.WorkItemProcess.CHANGED_FIELDS;
import static io.worklane.workitem.WorkItemProcess.SUBMITTED_ATTRIBUTES;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.worklane.security.Caller;
import io.worklane.workitem.Actor;
import io.worklane.workitem.ConcurrentChange;
import io.worklane.workitem.ProcessMessages;
import io.worklane.workitem.WorkItemProcess;
import io.worklane.workitem.WorkItemState;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

/**
 * The source-driven life cycle. Each operation locks the item's row, checks the state table
 * ({@link LifecycleOperation}) and delivers the operation's message to the item's process instance, all in one
 * transaction: the process decides what happens, and the row changes with it.
 */
@Service
@Transactional
public class WorkItemLifecycle {

    private final WorkItems workItems;
    private final RuntimeService runtimeService;
    private final ProcessMessages messages;
    private final AttributeChanges attributeChanges;

    private final WorkItemAccess access;

    WorkItemLifecycle(WorkItems workItems, RuntimeService runtimeService, ProcessMessages messages,
            AttributeChanges attributeChanges, WorkItemAccess access) {
        this.access = access;
        this.workItems = workItems;
        this.runtimeService = runtimeService;
        this.messages = messages;
        this.attributeChanges = attributeChanges;
    }

    public WorkItemView hold(String id, Caller caller) {
        return operate(id, caller, LifecycleOperation.HOLD, Variables.createVariables());
    }

    public WorkItemView resume(String id, Caller caller) {
        return operate(id, caller, LifecycleOperation.RESUME, Variables.createVariables());
    }

    public WorkItemView cancel(String id, Caller caller) {
        return operate(id, caller, LifecycleOperation.CANCEL, Variables.createVariables());
    }

    public WorkItemView complete(String id, Caller caller) {
        return operate(id, caller, LifecycleOperation.COMPLETE, Variables.createVariables());
    }

    /** Changed classification inputs or dates reclassify (unless the item is held); anything else updates. */
    public WorkItemView update(String id, JsonNode patch, Caller caller) {
        WorkItemView item = lockVisible(id, caller);
        requireAllowed(item, LifecycleOperation.UPDATE);
        var changes = attributeChanges.read(patch, item);
        if (changes.isEmpty()) {
            return item;
        }
        boolean reclassify = item.state() != WorkItemState.HELD
                && changes.fields().stream().anyMatch(WorkItemProcess.CLASSIFICATION_INPUTS::contains);
        VariableMap variables = changes.variables()
            .putValueTyped(CHANGED_FIELDS, Variables.stringValue(String.join(",", changes.fields()), true))
            .putValueTyped(SUBMITTED_ATTRIBUTES, CaptureVariables.from(changes.merged(), item.sourceSystem())
                .getValueTyped(SUBMITTED_ATTRIBUTES));
        return operate(item, caller, reclassify ? LifecycleOperation.RECLASSIFY : LifecycleOperation.UPDATE,
                variables);
    }

    /** A completed or canceled item lives again, in a new process instance, with the changes the body carries. */
    WorkItemView restart(String id, JsonNode patch, Caller caller) {
        WorkItemView item = lockVisible(id, caller);
        requireAllowed(item, LifecycleOperation.RESTART);
        // what lookups filled is not the source system's word: the restarted item asks the sources again
        var changes = attributeChanges.read(patch, item, item.contextData().keySet());
        VariableMap variables = CaptureVariables.from(changes.merged(), item.sourceSystem());
        variables.putValueTyped(ACTOR, Variables.stringValue(actorOf(caller).encoded(), true));
        runtimeService.createMessageCorrelation(LifecycleOperation.RESTART.message())
            .processInstanceBusinessKey(id)
            .setVariables(variables)
            .correlateStartMessage();
        return workItems.find(id).orElseThrow();
    }

    private WorkItemView operate(String id, Caller caller, LifecycleOperation operation, VariableMap variables) {
        return operate(lockVisible(id, caller), caller, operation, variables);
    }

    private WorkItemView operate(WorkItemView item, Caller caller, LifecycleOperation operation,
            VariableMap variables) {
        requireAllowed(item, operation);
        variables.putValueTyped(ACTOR, Variables.stringValue(actorOf(caller).encoded(), true));
        try {
            messages.deliver(operation.message(), item.processInstanceId(), variables);
        }
        catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
            // the process moved on between our read and the message (a timer, the job executor)
            throw new ConcurrentChange(item, operation.label() + " was applied", e);
        }
        return workItems.find(item.id()).orElseThrow();
    }

    private WorkItemView lockVisible(String id, Caller caller) {
        return access.visible(workItems.lock(id), id, caller);
    }

    private static void requireAllowed(WorkItemView item, LifecycleOperation operation) {
        if (!operation.isAllowedIn(item.state())) {
            throw new OperationNotAllowed(item, operation);
        }
    }

    private static Actor actorOf(Caller caller) {
        return caller.isSupervisor() ? new Actor(Actor.Type.SUPERVISOR, caller.userId())
                : Actor.sourceSystem(caller.userId());
    }
}
