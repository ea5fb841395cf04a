package io.worklane.workitem;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Which item a delegate works on: its process instance's business key, checked against the row's process
 * instance. Never a process variable: task completions and engine REST calls can set those.
 */
public record WorkItemRef(String id, String processInstanceId) {

    public static WorkItemRef of(DelegateExecution execution) {
        return new WorkItemRef(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
