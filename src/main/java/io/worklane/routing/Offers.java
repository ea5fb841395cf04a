package io.worklane.routing;

import static io.worklane.workitem.WorkItemProcess.OFFER_ANSWER;

import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemState;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

/** An agent answers an offer over the API, as the "Answer offer" task in Tasklist would. */
@Service
class Offers {

    static final String ANSWER_TASK = "Activity_AnswerOffer";

    private final WorkItems workItems;
    private final TaskService taskService;

    Offers(WorkItems workItems, TaskService taskService) {
        this.workItems = workItems;
        this.taskService = taskService;
    }

    @Transactional
    public WorkItemView answer(String agentId, String itemId, boolean accept) {
        WorkItemView item = workItems.lock(itemId).orElseThrow(() -> Problems.notFound("work-item", itemId));
        Task task = item.state() != WorkItemState.OFFERED || !agentId.equals(item.assignee()) ? null
                : taskService.createTaskQuery()
                    .processInstanceId(item.processInstanceId())
                    .taskDefinitionKey(ANSWER_TASK)
                    .taskAssignee(agentId)
                    .singleResult();
        if (task == null) {
            throw Problems.exception(HttpStatus.CONFLICT, "no-pending-offer", "No pending offer",
                    "Work item " + itemId + " is not offered to " + agentId + " (it is " + item.state() + ").",
                    Map.of("state", item.state().name()));
        }
        try {
            taskService.complete(task.getId(),
                    Map.of(OFFER_ANSWER, accept ? RecordAnswerDelegate.ACCEPT : RecordAnswerDelegate.DECLINE));
        }
        catch (OptimisticLockingException e) {
            // the offer timed out (RONA) while the answer was on its way
            throw Problems.exception(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                    "Work item " + itemId + " changed while the answer was recorded; look at it again.",
                    Map.of("state", item.state().name()));
        }
        return workItems.get(itemId);
    }
}
