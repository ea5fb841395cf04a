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
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
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

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomHistoryLevels());
        custom.add(new Level());
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
                return !WorkItemProcess.PROCESS_KEY.equals(processKeyOf(variable));
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

        private static String processKeyOf(VariableInstanceEntity variable) {
            String definitionId = variable.getProcessDefinitionId();
            if (definitionId == null) {
                return null; // a task's or case's own variable
            }
            return Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(definitionId).getKey();
        }
    }
}
