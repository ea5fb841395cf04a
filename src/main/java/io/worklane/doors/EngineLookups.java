package io.worklane.doors;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * What the door guard must know about the target of a command (which process, which form), read without the
 * caller's authorizations: the guard decides on Worklane's rules, the engine's own authorization check still runs
 * for the command itself.
 */
final class EngineLookups {

    /**
     * A task and what it belongs to; {@code form} is null when its process is not a work item's.
     * @param options the task's variables that its form's dynamic options name, as the form showed them
     */
    record TaskTarget(String processDefinitionKey, String assignee, TaskForm form, Map<String, Object> options) {
    }

    private final ProcessEngineConfigurationImpl engine;
    private final Map<String, TaskForm> forms = new ConcurrentHashMap<>();

    EngineLookups(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    /** @return null if there is no such task (the command then fails as it would anyway) */
    TaskTarget task(String taskId, String guardedKey) {
        return unauthorized(context -> {
            TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
            if (task == null || task.getProcessDefinitionId() == null) {
                return null;
            }
            String key = definitionKey(context, task.getProcessDefinitionId());
            if (!guardedKey.equals(key)) {
                return new TaskTarget(key, task.getAssignee(), null, Map.of());
            }
            TaskForm form = forms.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
                    ignored -> TaskForm.parse(deployedForm(context, taskId)));
            // read now, inside this context, and only the option lists (JSON): no other variable is rebuilt here
            Map<String, Object> options = new HashMap<>();
            form.optionVariables().forEach(name -> options.put(name, task.getVariable(name)));
            return new TaskTarget(key, task.getAssignee(), form, options);
        });
    }

    /** The process definition key of an execution or a task's process; null if neither exists. */
    String processOf(String executionOrTaskId, boolean isTask) {
        return unauthorized(context -> {
            String definitionId;
            if (isTask) {
                TaskEntity task = context.getTaskManager().findTaskById(executionOrTaskId);
                definitionId = task == null ? null : task.getProcessDefinitionId();
            }
            else {
                ExecutionEntity execution = context.getExecutionManager().findExecutionById(executionOrTaskId);
                definitionId = execution == null ? null : execution.getProcessDefinitionId();
            }
            return definitionId == null ? null : definitionKey(context, definitionId);
        });
    }

    String definitionKeyOf(String processDefinitionId) {
        return processDefinitionId == null ? null : unauthorized(context -> definitionKey(context, processDefinitionId));
    }

    /** Whether the user belongs to the group. */
    boolean isMember(String userId, String groupId) {
        return unauthorized(context -> context.getReadOnlyIdentityProvider()
            .createGroupQuery()
            .groupMember(userId)
            .groupId(groupId)
            .count() > 0);
    }

    private static String definitionKey(CommandContext context, String processDefinitionId) {
        var definition = context.getProcessEngineConfiguration()
            .getDeploymentCache()
            .findProcessDefinitionFromCache(processDefinitionId);
        if (definition == null) {
            definition = context.getProcessEngineConfiguration()
                .getDeploymentCache()
                .findDeployedProcessDefinitionById(processDefinitionId);
        }
        return definition == null ? null : definition.getKey();
    }

    private static InputStream deployedForm(CommandContext context, String taskId) {
        return new GetDeployedTaskFormCmd(taskId).execute(context);
    }

    private <T> T unauthorized(Function<CommandContext, T> lookup) {
        Command<T> command = context -> {
            context.disableAuthorizationCheck();
            try {
                return lookup.apply(context);
            }
            finally {
                context.enableAuthorizationCheck();
            }
        };
        return engine.getCommandExecutorTxRequired().execute(command);
    }
}
