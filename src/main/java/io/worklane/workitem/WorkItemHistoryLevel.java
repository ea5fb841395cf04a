package io.worklane.workitem;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.spring.boot.starter.jdbc.HistoryLevelDeterminator;
import org.camunda.bpm.spring.boot.starter.jdbc.HistoryLevelDeterminatorJdbcTemplateImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The history level {@value #NAME}: Camunda's {@code audit}, except that a {@code work-item} instance keeps no
 * history of its process variables and of its machinery (events, gateways, scopes, service and receive tasks). The
 * item's story is Worklane's event log, and its data is the {@code work_item} row; what stays in ACT_HI_* is its
 * process instance, its user tasks (who was offered and who handled it) and its decisions (when the rules ran). That
 * halves the engine's bytes and history writes per item: a queued item's 27 activity instances become 3, its 30
 * variables' history none. Other processes (the supervisors' exception tasks) keep {@code audit}.
 *
 * <p>New databases get it ({@code camunda.bpm.history-level-default}); a database created at another level keeps
 * that one under {@code history-level: auto}.
 */
@Component
class WorkItemHistoryLevel extends AbstractProcessEnginePlugin {

    static final String NAME = "worklane";

    /** What a work item's activity instances are kept for: people's tasks and rule decisions. */
    private static final Set<String> KEPT_ACTIVITY_TYPES = Set.of("userTask", "businessRuleTask", "callActivity");

    private static final Set<HistoryEventType> ACTIVITY_EVENTS = Set.of(HistoryEventTypes.ACTIVITY_INSTANCE_START,
        HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE, HistoryEventTypes.ACTIVITY_INSTANCE_END);

    private static final Set<HistoryEventType> VARIABLE_EVENTS = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
        HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_DELETE);

    private static final Level LEVEL = new Level();

    /**
     * The starter reads a database's level under {@code auto} before the engine starts, from a list of Camunda's own
     * levels: it learns this one too, or it would take a database at this level for a new one.
     */
    WorkItemHistoryLevel(ObjectProvider<HistoryLevelDeterminator> determinators) {
        determinators.ifAvailable(determinator -> {
            if (determinator instanceof HistoryLevelDeterminatorJdbcTemplateImpl jdbc) {
                jdbc.addCustomHistoryLevels(List.of(LEVEL));
            }
        });
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomHistoryLevels());
        custom.add(LEVEL);
        configuration.setCustomHistoryLevels(custom);
    }

    static final class Level extends AbstractHistoryLevel {

        @Override
        public int getId() {
            return 20;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            if (!HistoryLevel.HISTORY_LEVEL_AUDIT.isHistoryEventProduced(eventType, entity)) {
                return false;
            }
            // a null entity asks whether the level produces the type at all (at parse time): it may
            if (ACTIVITY_EVENTS.contains(eventType) && entity instanceof ExecutionEntity execution) {
                return keepsActivityOf(execution);
            }
            if (VARIABLE_EVENTS.contains(eventType) && entity instanceof VariableInstanceEntity variable) {
                return !WorkItemProcess.PROCESS_KEY.equals(keyOf(variable.getProcessDefinitionId()));
            }
            // what a Tasklist form submitted: the task's own outcome reaches the row and the event log
            if (eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE) {
                String definitionId = entity instanceof TaskEntity task ? task.getProcessDefinitionId()
                        : entity instanceof ExecutionEntity execution ? execution.getProcessDefinitionId() : null;
                return !WorkItemProcess.PROCESS_KEY.equals(keyOf(definitionId));
            }
            return true;
        }

        private static boolean keepsActivityOf(ExecutionEntity execution) {
            ActivityImpl activity = execution.getActivity();
            ProcessDefinitionEntity definition = execution.getProcessDefinition();
            if (activity == null || definition == null || !WorkItemProcess.PROCESS_KEY.equals(definition.getKey())) {
                return true;
            }
            return KEPT_ACTIVITY_TYPES.contains(String.valueOf(activity.getProperty("type")));
        }

        /** From the engine's cache of deployed definitions, which holds every definition with a running instance. */
        private static String keyOf(String processDefinitionId) {
            if (processDefinitionId == null) {
                return null; // a task's or case's own variable
            }
            var cache = Context.getProcessEngineConfiguration().getDeploymentCache();
            ProcessDefinitionEntity definition = cache.findProcessDefinitionFromCache(processDefinitionId);
            return (definition != null ? definition : cache.findDeployedProcessDefinitionById(processDefinitionId))
                .getKey();
        }
    }
}
