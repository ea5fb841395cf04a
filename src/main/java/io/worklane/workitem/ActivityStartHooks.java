package io.worklane.workitem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs each {@link ActivityStartHook} as its activities of {@code work-item} start, in every deployed version. One
 * built-in start listener per activity, attached at parse time (so a modification that skips custom listeners still
 * runs it), finds the hooks of its activity in a map. Camunda's Spring eventing did the same by publishing every
 * execution event of every activity and testing each listener's condition on it, a tenth of a work item's job time.
 */
@Component
class ActivityStartHooks extends AbstractProcessEnginePlugin implements ExecutionListener {

    private final ObjectProvider<ActivityStartHook> hooks;
    /** Resolved at the first start: the hooks' beans need the engine this plugin helps build. */
    private volatile Map<String, List<ActivityStartHook>> byActivity;

    ActivityStartHooks(ObjectProvider<ActivityStartHook> hooks) {
        this.hooks = hooks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                if (WorkItemProcess.PROCESS_KEY.equals(processDefinition.getKey())) {
                    attachTo(processDefinition);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private void attachTo(ScopeImpl scope) {
        for (ActivityImpl activity : scope.getActivities()) {
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, this);
            attachTo(activity);
        }
    }

    @Override
    public void notify(DelegateExecution execution) {
        List<ActivityStartHook> atActivity = hooksByActivity().get(execution.getCurrentActivityId());
        if (atActivity != null) {
            atActivity.forEach(hook -> hook.onStart(execution));
        }
    }

    private Map<String, List<ActivityStartHook>> hooksByActivity() {
        Map<String, List<ActivityStartHook>> known = byActivity;
        if (known == null) {
            Map<String, List<ActivityStartHook>> built = new HashMap<>();
            hooks.orderedStream().forEach(hook -> hook.activityIds()
                .forEach(id -> built.computeIfAbsent(id, any -> new ArrayList<>()).add(hook)));
            built.replaceAll((id, atActivity) -> List.copyOf(atActivity));
            byActivity = known = Map.copyOf(built);
        }
        return known;
    }
}
