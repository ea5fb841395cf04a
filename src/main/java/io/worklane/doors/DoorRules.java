package io.worklane.doors;

import static io.worklane.workitem.WorkItemProcess.PROCESS_KEY;
import static io.worklane.workitem.WorkItemProcess.SOURCE_SYSTEM;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.RestartProcessInstanceBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;

import io.worklane.capture.EngineStartRules;
import io.worklane.doors.DoorGuard.EngineUser;
import io.worklane.security.WorklaneGroups;

/**
 * What a signed-in user may do to work items through Camunda's doors. Starts go through the capture API's rules;
 * a task completion sets only its form's fields; a work item's instance changes only through Worklane's API
 * (its variables, its activities and its messages mirror the {@code work_item} row), so variable edits,
 * modifications, restarts and messages on it are refused. Variables are data: only an administrator may send a
 * serialized Java object, bytes or a file.
 */
final class DoorRules {

    /** Groups that make a person an agent or a supervisor, which a source system's account never joins. */
    private static final Set<String> PEOPLES_GROUPS = Set.of(WorklaneGroups.AGENTS, WorklaneGroups.SUPERVISORS,
            WorklaneGroups.ALL_DEPARTMENTS, WorklaneGroups.ADMINS, WorklaneGroups.PROCESS_OWNERS);

    private final EngineLookups lookups;
    private final EngineStartRules startRules;

    /** Whether a name is one of the application's beans (an expression resolves it before any variable). */
    private final java.util.function.Predicate<String> beans;

    DoorRules(EngineLookups lookups, EngineStartRules startRules, java.util.function.Predicate<String> beans) {
        this.lookups = lookups;
        this.startRules = startRules;
        this.beans = beans;
    }

    void check(Command<?> command, EngineUser user) {
        if (command instanceof StartProcessInstanceCmd || command instanceof StartProcessInstanceAtActivitiesCmd) {
            ProcessInstantiationBuilderImpl start = CommandFields.read(command, "instantiationBuilder");
            String key = start.getProcessDefinitionKey() != null ? start.getProcessDefinitionKey()
                    : lookups.definitionKeyOf(start.getProcessDefinitionId());
            checkStart(key, start, command instanceof StartProcessInstanceAtActivitiesCmd, user);
        }
        else if (command instanceof SubmitStartFormCmd) {
            String key = lookups.definitionKeyOf(CommandFields.read(command, "processDefinitionId"));
            checkStartVariables(key, VariableValues.typed(CommandFields.read(command, "variables")), user);
        }
        else if (command instanceof CompleteTaskCmd) {
            checkCompletion(CommandFields.read(command, "taskId"),
                    VariableValues.typed(CommandFields.read(command, "variables")), user);
        }
        else if (command instanceof SubmitTaskFormCmd) {
            checkCompletion(CommandFields.read(command, "taskId"),
                    VariableValues.typed(CommandFields.read(command, "properties")), user);
        }
        else if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
            if (PROCESS_KEY.equals(lookups.processOf(CommandFields.read(command, "taskId"), true))) {
                throw forbidden("A work item's task ends through its form (or /api): a BPMN error or escalation "
                        + "would end it past Worklane's rules.");
            }
            requireDataUnlessAdmin(VariableValues.typed(CommandFields.read(command, "variables")), user);
        }
        else if (command instanceof ClaimTaskCmd || command instanceof AbstractSetTaskPropertyCmd
                || command instanceof DelegateTaskCmd || command instanceof DeleteIdentityLinkCmd) {
            refuseTaskChange(CommandFields.read(command, "taskId"));
        }
        else if (command instanceof SaveTaskCmd) {
            TaskEntity task = CommandFields.read(command, "task");
            if (task.getId() != null) {
                refuseTaskChange(task.getId());
            }
        }
        else if (command instanceof AbstractModificationCmd) {
            ModificationBuilderImpl modification = CommandFields.read(command, "builder");
            if (PROCESS_KEY.equals(lookups.definitionKeyOf(modification.getProcessDefinitionId()))) {
                throw forbidden("Work item process instances are not modified: their rows and the router would no "
                        + "longer agree.");
            }
        }
        else if (command instanceof SetVariablesToProcessInstancesBatchCmd) {
            throw forbidden("Variables are not set on process instances in a batch: a work item's change through "
                    + "/api/work-items.");
        }
        else if (command instanceof AbstractSetVariableCmd || command instanceof AbstractRemoveVariableCmd
                || command instanceof AbstractPatchVariablesCmd) {
            checkVariableChange(command, user);
        }
        else if (command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd) {
            ProcessInstanceModificationBuilderImpl modification = CommandFields.read(command, "builder");
            if (PROCESS_KEY.equals(lookups.processOf(modification.getProcessInstanceId(), false))) {
                throw forbidden("A work item's process instance is not modified: its row and the router would no "
                        + "longer agree. Hold, resume, cancel or reclassify it through /api/work-items.");
            }
            requireDataUnlessAdmin(VariableValues.typed(modification.getProcessVariables()), user);
        }
        else if (command instanceof AbstractRestartProcessInstanceCmd) {
            RestartProcessInstanceBuilderImpl restart = CommandFields.read(command, "builder");
            if (PROCESS_KEY.equals(lookups.definitionKeyOf(restart.getProcessDefinitionId()))) {
                throw forbidden("Work items restart through POST /api/work-items/{id}/restart.");
            }
        }
        else if (isMessageOrSignal(command)) {
            if (!user.isAdmin()) {
                throw forbidden("Messages and signals are Worklane's own: a work item moves through /api/work-items.");
            }
        }
        else if (command instanceof DeployCmd) {
            checkDeployment(CommandFields.read(command, "deploymentBuilder"), user);
        }
        else if (command instanceof CreateMembershipCmd) {
            checkMembership(CommandFields.read(command, "userId"), CommandFields.read(command, "groupId"));
        }
    }

    /**
     * Tasklist offers claim, unclaim, assignee, groups, due and follow-up dates on every task; on a work item's task
     * each would leave the router's assignment and the row behind.
     */
    private void refuseTaskChange(String taskId) {
        if (PROCESS_KEY.equals(lookups.processOf(taskId, true))) {
            throw forbidden("Worklane's router assigns work items, so a work item's task keeps its assignee, groups "
                    + "and dates. To hand it on, choose Transfer or Park in the form.");
        }
    }

    /** An admin deploys anything; anyone else (process owners) models only: {@link ModelSafety}. */
    private void checkDeployment(DeploymentBuilderImpl deployment, EngineUser user) {
        if (user.isAdmin()) {
            return;
        }
        if (!deployment.getDeployments().isEmpty() || !deployment.getDeploymentResourcesById().isEmpty()
                || !deployment.getDeploymentResourcesByName().isEmpty()) {
            throw Refusal.badRequest("Deploy the files themselves: resources of earlier deployments are redeployed "
                    + "by admins only.");
        }
        Map<String, byte[]> resources = new java.util.LinkedHashMap<>();
        deployment.getDeployment().getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
        List<String> problems = ModelSafety.problems(resources, beans);
        if (!problems.isEmpty()) {
            throw Refusal.badRequest("Not deployed: " + String.join("; ", problems) + ".");
        }
    }

    private void checkStart(String key, ProcessInstantiationBuilderImpl start, boolean atActivities,
            EngineUser user) {
        if (PROCESS_KEY.equals(key) && !user.isAdmin()) {
            ProcessInstanceModificationBuilderImpl instructions = start.getModificationBuilder();
            if (atActivities || !instructions.getModificationOperations().isEmpty()) {
                throw Refusal.badRequest("startInstructions are not accepted: a work item starts at its "
                        + "start event, through validation.");
            }
            if (instructions.isSkipCustomListeners() || instructions.isSkipIoMappings()) {
                throw Refusal.badRequest("skipCustomListeners and skipIoMappings are not accepted for a "
                        + "work item.");
            }
        }
        checkStartVariables(key, VariableValues.typed(start.getVariables()), user);
    }

    private void checkStartVariables(String key, Map<String, ?> variables, EngineUser user) {
        if (user.isAdmin()) {
            return;
        }
        VariableValues.requireData(variables);
        if (!PROCESS_KEY.equals(key) || variables == null) {
            return;
        }
        // the capture API's problem itself (the same errors), answered by web/EngineRestProblems
        startRules.refusal(variables, user.isSourceSystemOnly() ? user.id() : null).ifPresent(problem -> {
            throw Refusal.badRequest(problem);
        });
        Object declared = VariableValues.plain(variables.get(SOURCE_SYSTEM));
        if (user.isSourceSystemOnly() && declared != null && !user.id().equals(declared)) {
            throw forbidden("Source system '" + user.id() + "' cannot capture items for '" + declared + "'.");
        }
    }

    private void checkCompletion(String taskId, Map<String, ?> variables, EngineUser user) {
        EngineLookups.TaskTarget task = lookups.task(taskId, PROCESS_KEY);
        if (task == null) {
            return;
        }
        if (task.form() != null) {
            // the router's assignee completes the task (or a supervisor of every department, an admin), no one else
            boolean mayComplete = user.id().equals(task.assignee()) || user.isAdmin()
                    || user.groups().contains(WorklaneGroups.ALL_DEPARTMENTS);
            if (!mayComplete) {
                throw forbidden("Task " + taskId + " is " + task.assignee() + "'s work item.");
            }
            // administrators too: a work item's task completion carries its form's fields and no others
            VariableValues.requireData(variables);
            task.form().check(variables, task.options()::get);
        }
        else {
            requireDataUnlessAdmin(variables, user);
        }
    }

    private void checkVariableChange(Command<?> command, EngineUser user) {
        boolean onTask = command instanceof SetTaskVariablesCmd || command instanceof RemoveTaskVariablesCmd
                || command instanceof PatchTaskVariablesCmd;
        String target = CommandFields.read(command, "entityId");
        if (PROCESS_KEY.equals(lookups.processOf(target, onTask))) {
            throw forbidden("A work item's variables mirror its row and change only through Worklane's API "
                    + "(PATCH /api/work-items/{id}).");
        }
        if (!(command instanceof AbstractRemoveVariableCmd)) {
            requireDataUnlessAdmin(VariableValues.typed(CommandFields.read(command, "variables")), user);
        }
    }

    private void checkMembership(String userId, String groupId) {
        boolean sourceSystem = WorklaneGroups.SOURCE_SYSTEMS.equals(groupId);
        if (PEOPLES_GROUPS.contains(groupId) && lookups.isMember(userId, WorklaneGroups.SOURCE_SYSTEMS)) {
            throw forbidden("'" + userId + "' is a source system and never joins " + groupId + ".");
        }
        if (sourceSystem && PEOPLES_GROUPS.stream().anyMatch(group -> lookups.isMember(userId, group))) {
            throw forbidden("'" + userId + "' is a person's account (an agent, supervisor or administrator) and "
                    + "cannot become a source system.");
        }
    }

    private static void requireDataUnlessAdmin(Map<String, ?> variables, EngineUser user) {
        if (!user.isAdmin()) {
            VariableValues.requireData(variables);
        }
    }

    private static boolean isMessageOrSignal(Command<?> command) {
        return command instanceof AbstractCorrelateMessageCmd || command instanceof MessageEventReceivedCmd
                || command instanceof SignalEventReceivedCmd || command instanceof SignalCmd;
    }

    private static AuthorizationException forbidden(String message) {
        return Refusal.forbidden(message);
    }

    /** Every field {@link #check} reads, for {@code CommandFieldsTests}. */
    static final Map<Class<?>, Collection<String>> FIELDS_READ = Map.ofEntries(
            Map.entry(StartProcessInstanceCmd.class, List.of("instantiationBuilder")),
            Map.entry(StartProcessInstanceAtActivitiesCmd.class, List.of("instantiationBuilder")),
            Map.entry(SubmitStartFormCmd.class, List.of("processDefinitionId", "variables")),
            Map.entry(CompleteTaskCmd.class, List.of("taskId", "variables")),
            Map.entry(SubmitTaskFormCmd.class, List.of("taskId", "properties")),
            Map.entry(AbstractSetVariableCmd.class, List.of("entityId", "variables")),
            Map.entry(AbstractRemoveVariableCmd.class, List.of("entityId")),
            Map.entry(AbstractPatchVariablesCmd.class, List.of("entityId", "variables")),
            Map.entry(ModifyProcessInstanceCmd.class, List.of("builder")),
            Map.entry(ModifyProcessInstanceAsyncCmd.class, List.of("builder")),
            Map.entry(AbstractRestartProcessInstanceCmd.class, List.of("builder")),
            Map.entry(CreateMembershipCmd.class, List.of("userId", "groupId")),
            Map.entry(HandleTaskBpmnErrorCmd.class, List.of("taskId", "variables")),
            Map.entry(HandleTaskEscalationCmd.class, List.of("taskId", "variables")),
            Map.entry(ClaimTaskCmd.class, List.of("taskId")),
            Map.entry(AbstractSetTaskPropertyCmd.class, List.of("taskId")),
            Map.entry(DelegateTaskCmd.class, List.of("taskId")),
            Map.entry(DeleteIdentityLinkCmd.class, List.of("taskId")),
            Map.entry(SaveTaskCmd.class, List.of("task")),
            Map.entry(DeployCmd.class, List.of("deploymentBuilder")),
            Map.entry(AbstractModificationCmd.class, List.of("builder")));
}
