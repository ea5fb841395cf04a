package io.worklane.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.worklane.workitem.WorkItemProcess;

/** The agent tasks the process created, once their transaction has committed: what the simulated agents act on. */
@Component
@Profile(SimulationRun.PROFILE)
class TaskWatch {

    /**
     * An agent's task: the Answer offer or Handle work item task of an item.
     *
     * @param ronaTimeout how long an offer waits for the answer, as the router set it with the offer (null for
     *        other tasks)
     */
    record AgentTask(String itemId, String agentId, String taskKey, Duration ronaTimeout) {
    }

    private final List<AgentTask> created = new ArrayList<>();

    @EventListener(condition = "#task.eventName == 'create' && #task.assignee != null")
    void on(DelegateTask task) {
        Object ronaTimeout = task.getVariable(WorkItemProcess.RONA_TIMEOUT);
        AgentTask agentTask = new AgentTask(task.getExecution().getProcessBusinessKey(), task.getAssignee(),
                task.getTaskDefinitionKey(), ronaTimeout == null ? null : Duration.parse(ronaTimeout.toString()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    created.add(agentTask);
                }
            });
        }
        else {
            created.add(agentTask);
        }
    }

    /** The tasks created since the last call. */
    List<AgentTask> take() {
        List<AgentTask> taken = List.copyOf(created);
        created.clear();
        return taken;
    }
}
