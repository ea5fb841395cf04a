package io.worklane.doors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;

import io.worklane.workitem.Actor;
import io.worklane.workitem.WorkItemProcess;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItems;

/**
 * A work item's process instance deleted through any door (Cockpit, the engine REST API, a batch) cancels its item,
 * with an event naming who deleted it, in the same transaction. A built-in listener: the engine runs it even when
 * the deletion skips custom listeners, as Cockpit's does by default.
 */
final class InstanceDeletion implements ExecutionListener {

    private final ObjectProvider<WorkItems> workItems;

    InstanceDeletion(ObjectProvider<WorkItems> workItems) {
        this.workItems = workItems;
    }

    @Override
    public void notify(DelegateExecution execution) {
        // an instance that ends on its own has already moved its item to an end state; only a deletion cancels
        if (!execution.isCanceled() || execution.getProcessBusinessKey() == null) {
            return;
        }
        Actor actor = Actor.ofEngineUser(execution);
        workItems.getObject()
            .cancelWithDeletedInstance(new WorkItemRef(execution.getProcessBusinessKey(), execution.getProcessInstanceId()),
                    actor != null ? actor : Actor.system("engine"));
    }

    /** Adds the listener to the end of every work item process instance, of every deployed version. */
    static final class OnWorkItemProcesses extends AbstractBpmnParseListener {

        private final InstanceDeletion listener;

        OnWorkItemProcesses(InstanceDeletion listener) {
            this.listener = listener;
        }

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            if (WorkItemProcess.PROCESS_KEY.equals(processDefinition.getKey())) {
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, listener);
            }
        }
    }
}
