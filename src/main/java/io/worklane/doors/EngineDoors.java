package io.worklane.doors;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.worklane.capture.EngineStartRules;
import io.worklane.models.ModelDeployments;
import io.worklane.workitem.WorkItems;

/**
 * The process engine plugin that puts Worklane's rules at Camunda's doors: the {@link DoorGuard} before every
 * command, deserialization type validation on (only the types Worklane itself stores are ever rebuilt from a
 * variable), and the {@link InstanceDeletion} listener on every work item instance. Spring beans it needs are looked
 * up when first used, since the engine is built before them.
 */
@Component
class EngineDoors implements ProcessEnginePlugin {

    private final ObjectProvider<EngineStartRules> startRules;
    private final ObjectProvider<WorkItems> workItems;
    private final ObjectProvider<ModelDeployments> deployments;
    private final org.springframework.beans.factory.BeanFactory beanFactory;
    private ProcessEngineConfigurationImpl engine;
    private volatile DoorRules rules;

    EngineDoors(ObjectProvider<EngineStartRules> startRules, ObjectProvider<WorkItems> workItems,
            ObjectProvider<ModelDeployments> deployments, org.springframework.beans.factory.BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
        this.startRules = startRules;
        this.workItems = workItems;
        this.deployments = deployments;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.engine = configuration;
        List<CommandInterceptor> first = new ArrayList<>();
        first.add(new DoorGuard(this));
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            first.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        configuration.setCustomPreCommandInterceptorsTxRequired(first);
        // only the engine's defaults (java.lang, the common java.util collections) are ever rebuilt from a variable:
        // Worklane stores its custom attributes as a LinkedHashMap, and nothing else as an object
        configuration.setDeserializationTypeValidationEnabled(true);
        // a BPMN error nothing catches fails instead of silently ending the scope it was thrown in
        configuration.setEnableExceptionsAfterUnhandledBpmnError(true);
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new InstanceDeletion.OnWorkItemProcesses(new InstanceDeletion(workItems)));
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
    }

    IdentityService identityService() {
        return engine.getIdentityService();
    }

    ModelDeployments deployments() {
        return deployments.getObject();
    }

    DoorRules rules() {
        if (rules == null) {
            rules = new DoorRules(new EngineLookups(engine), startRules.getObject(), beanFactory::containsBean);
        }
        return rules;
    }
}
