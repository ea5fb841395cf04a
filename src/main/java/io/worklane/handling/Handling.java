package io.worklane.handling;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemProcess;
import io.worklane.workitem.WorkItemState;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

/** The handling actions over the API: the same choices as the form, completing the same task. */
@Service
class Handling {

    private final WorkItems workItems;
    private final TaskService taskService;
    private final HandlingRules rules;

    Handling(WorkItems workItems, TaskService taskService, HandlingRules rules) {
        this.workItems = workItems;
        this.taskService = taskService;
        this.rules = rules;
    }

    @Transactional
    public WorkItemView act(String agentId, String itemId, HandlingAction action, HandlingRequest request) {
        WorkItemView item = workItems.lock(itemId).orElseThrow(() -> Problems.notFound("work-item", itemId));
        Task task = item.state() != WorkItemState.IN_PROGRESS || !agentId.equals(item.assignee()) ? null
                : taskService.createTaskQuery()
                    .processInstanceId(item.processInstanceId())
                    .taskDefinitionKey(HandlingFormVariables.HANDLE_TASK)
                    .taskAssignee(agentId)
                    .singleResult();
        if (task == null) {
            throw Problems.exception(HttpStatus.CONFLICT, "not-in-handling", "Not in handling",
                    "Work item " + itemId + " is not being handled by " + agentId + " (it is " + item.state() + ").",
                    Map.of("state", item.state().name()));
        }
        Map<String, Object> choice = new HashMap<>();
        choice.put(WorkItemProcess.HANDLING_ACTION, action.name());
        choice.put(WorkItemProcess.DISPOSITION, request.disposition());
        choice.put(WorkItemProcess.TRANSFER_TO, request.agent());
        choice.put(WorkItemProcess.TRANSFER_TARGET, request.target());
        try {
            rules.check(item, choice);
        }
        catch (HandlingRules.NoFreeSlot e) {
            throw e.problem;
        }
        catch (HandlingRules.NoAgentMatches e) {
            throw Problems.exception(HttpStatus.CONFLICT, "no-matching-agent", "No agent matches the target",
                    e.getMessage(), Map.of("action", action.name(), "target", e.target));
        }
        catch (HandlingRules.Refused e) {
            throw Problems.exception(HttpStatus.UNPROCESSABLE_ENTITY, "handling-refused", "Handling refused",
                    e.getMessage(), Map.of("action", action.name()));
        }
        try {
            taskService.complete(task.getId(), choice);
        }
        catch (OptimisticLockingException e) {
            throw Problems.exception(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                    "Work item " + itemId + " changed meanwhile; look at it again.", Map.of("state", item.state().name()));
        }
        return workItems.get(itemId);
    }
}
