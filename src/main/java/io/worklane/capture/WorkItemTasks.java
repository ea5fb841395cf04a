package io.worklane.capture;

import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.worklane.workitem.WorkItemProcess;

/** Which work item a Tasklist task belongs to: the business key of its work-item process instance. */
@Component
class WorkItemTasks {

    private final TaskService taskService;
    private final RuntimeService runtimeService;

    WorkItemTasks(TaskService taskService, RuntimeService runtimeService) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
    }

    /** Empty for a task that is not open or belongs to another process. */
    Optional<String> workItemOf(String taskId) {
        Task task = taskService.createTaskQuery()
            .taskId(taskId)
            .processDefinitionKey(WorkItemProcess.PROCESS_KEY)
            .singleResult();
        if (task == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(runtimeService.createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .singleResult()).map(ProcessInstance::getBusinessKey);
    }
}
