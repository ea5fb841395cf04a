package io.worklane.workitem;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import io.worklane.web.Problems;

/**
 * An agent's choice over the API completes the same user task Tasklist would (answer an offer, handle an item). The
 * item's row is locked first, so that the check and the completion see one state.
 */
@Service
public class AgentTasks {

    private final WorkItems workItems;
    private final TaskService taskService;

    AgentTasks(WorkItems workItems, TaskService taskService) {
        this.workItems = workItems;
        this.taskService = taskService;
    }

    /**
     * A user task an agent completes.
     *
     * @param state the item's state while the task is open
     * @param taskKey the task's id in {@code work-item.bpmn}
     * @param notTheirs the refusal when the item is not in that task for this agent (the item, the agent)
     * @param choice what the agent's choice is called when the process moved on meanwhile ("the answer")
     */
    public record AgentTask(WorkItemState state, String taskKey,
            BiFunction<WorkItemView, String, ? extends ErrorResponseException> notTheirs, String choice) {
    }

    /**
     * @param choice the task's variables for the item as locked; it may refuse by throwing
     * @return the item after the process has taken the choice
     * @throws ConcurrentChange when the process moved on meanwhile (e.g. the offer timed out)
     */
    @Transactional
    public WorkItemView complete(String agentId, String itemId, AgentTask task,
            Function<WorkItemView, Map<String, Object>> choice) {
        WorkItemView item = workItems.lock(itemId).orElseThrow(() -> Problems.notFound("work-item", itemId));
        Task open = item.state() != task.state() || !agentId.equals(item.assignee()) ? null
                : taskService.createTaskQuery()
                    .processInstanceId(item.processInstanceId())
                    .taskDefinitionKey(task.taskKey())
                    .taskAssignee(agentId)
                    .singleResult();
        if (open == null) {
            throw task.notTheirs().apply(item, agentId);
        }
        Map<String, Object> variables = choice.apply(item);
        try {
            taskService.complete(open.getId(), variables);
        }
        catch (OptimisticLockingException e) {
            throw new ConcurrentChange(item, task.choice() + " was recorded", e);
        }
        return workItems.get(itemId);
    }
}
