package io.worklane.workitem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drives the real {@code processes/work-item.bpmn} with its real decisions; the delegates are stand-ins that
 * record what the process hands them.
 */
@Deployment(resources = { "processes/work-item.bpmn", "decisions/classify-work-item.dmn",
        "decisions/service-level.dmn", "forms/handle-work-item.form" })
class WorkItemProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    private final List<String> calls = new ArrayList<>();
    private final Map<String, Object> queued = new HashMap<>();

    @BeforeEach
    void registerDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("validateCoreAttributesDelegate", (JavaDelegate) execution -> {
            calls.add("validate");
            execution.setVariable(WorkItemProcess.WORK_ITEM_ID, execution.getProcessBusinessKey());
            boolean valid = execution.getVariable(WorkItemProcess.EXTERNAL_ID) != null;
            execution.setVariable(WorkItemProcess.CORE_ATTRIBUTES_VALID, valid);
        });
        Mocks.register("rejectWorkItemDelegate", (JavaDelegate) execution -> calls.add("reject"));
        Mocks.register("queueWorkItemDelegate", (JavaDelegate) execution -> {
            calls.add("queue");
            queued.put("classification", new HashMap<>((Map<?, ?>) execution.getVariable("classification")));
            queued.put("serviceLevel", new HashMap<>((Map<?, ?>) execution.getVariable("serviceLevel")));
            execution.removeVariable("classification");
            execution.removeVariable("serviceLevel");
        });
        Mocks.register("completeWorkItemDelegate", (JavaDelegate) execution -> calls.add("complete"));
    }

    @AfterEach
    void resetDelegates() {
        Mocks.reset();
    }

    @Test
    void capturedItemIsClassifiedQueuedOfferedAndCompleted() {
        ProcessInstance instance = start(Variables.createVariables()
            .putValue("externalId", "CRM-1")
            .putValue("sourceSystem", "crm")
            .putValue("department", null)
            .putValue("process", null)
            .putValue("requestType", "Lead")
            .putValue("customerSegment", "Gold"));

        // capture answers before classification: the rest runs as a job
        BpmnAwareTests.assertThat(instance).isWaitingAt("Activity_ClassifyWorkItem");
        execute(job());

        BpmnAwareTests.assertThat(instance).isWaitingAt("Activity_WaitForAgent");
        assertThat(queued.get("classification")).isEqualTo(Map.of("department", "Sales", "process", "Lead Handling"));
        assertThat(queued.get("serviceLevel")).isEqualTo(Map.of("slaDuration", "PT72H", "initialPriority", 500,
                "minPriority", 500, "maxPriority", 2000, "requiredSkill", "Sales Processing"));

        runtimeService().createMessageCorrelation("WorkItem.Offered")
            .processInstanceBusinessKey("item-1")
            .setVariable("assignee", "alice")
            .correlate();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Activity_HandleWorkItem");
        BpmnAwareTests.assertThat(task()).isAssignedTo("alice");
        var form = taskService().createTaskQuery().initializeFormKeys().singleResult().getCamundaFormRef();
        assertThat(form.getKey()).isEqualTo("handle-work-item");
        assertThat(form.getBinding()).isEqualTo("deployment");

        taskService().complete(task().getId());
        BpmnAwareTests.assertThat(instance)
            .hasPassedInOrder("Activity_ValidateCoreAttributes", "Activity_ClassifyWorkItem",
                    "Activity_DetermineServiceLevel", "Activity_QueueWorkItem", "Activity_WaitForAgent",
                    "Activity_HandleWorkItem", "Activity_CompleteWorkItem")
            .hasNotPassed("Activity_RejectWorkItem")
            .isEnded();
        BpmnAwareTests.assertThat(instance).hasPassed("Event_WorkItemCompleted");
        assertThat(calls).containsExactly("validate", "queue", "complete");
    }

    @Test
    void itemWithoutCoreAttributesIsRejected() {
        ProcessInstance instance = start(Variables.createVariables().putValue("sourceSystem", "crm"));

        BpmnAwareTests.assertThat(instance)
            .hasPassedInOrder("Activity_ValidateCoreAttributes", "Activity_RejectWorkItem", "Event_WorkItemRejected")
            .hasNotPassed("Activity_ClassifyWorkItem")
            .isEnded();
        assertThat(calls).containsExactly("validate", "reject");
    }

    @Test
    void preClassifiedItemKeepsItsDepartmentAndProcess() {
        ProcessInstance instance = start(Variables.createVariables()
            .putValue("externalId", "ERP-7")
            .putValue("sourceSystem", "erp")
            .putValue("department", "Finance")
            .putValue("process", "Collections")
            .putValue("requestType", "Lead")
            .putValue("customerSegment", "Silver"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Activity_ClassifyWorkItem");
        execute(job());

        BpmnAwareTests.assertThat(instance).isWaitingAt("Activity_WaitForAgent");
        assertThat(queued.get("classification"))
            .isEqualTo(Map.of("department", "Finance", "process", "Collections"));
        assertThat(((Map<?, ?>) queued.get("serviceLevel")).get("slaDuration")).isEqualTo("PT72H");
        assertThat(((Map<?, ?>) queued.get("serviceLevel")).get("requiredSkill")).isEqualTo("Finance Processing");
    }

    private ProcessInstance start(Map<String, Object> variables) {
        return runtimeService().startProcessInstanceByKey(WorkItemProcess.PROCESS_KEY, "item-1", variables);
    }
}
