package io.worklane.workitem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.assertions.bpmn.ProcessInstanceAssert;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drives the real {@code processes/work-item.bpmn} with its real decisions through every path: capture,
 * rejection, activation date, handling with and without the source's confirmation, and each source operation.
 * The delegates are stand-ins that record what the process asked of them.
 */
@Deployment(resources = { "processes/work-item.bpmn", "decisions/classify-work-item.dmn",
        "decisions/service-level.dmn", "decisions/routing-targets.dmn", "decisions/priority-schema.dmn",
        "decisions/business-calendar.dmn",
        "forms/handle-work-item.form", "forms/answer-offer.form" })
class WorkItemProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    private static final String ITEM = "item-1";

    private final List<String> calls = new ArrayList<>();
    private final Map<String, Object> decided = new HashMap<>();

    /** What the stand-in for "Apply service level" decides, per test. */
    private boolean activationInFuture;
    private String confirmationTimeout;
    /** What the stand-ins for "Queue work item" and "Reprioritize" say of the next step, in turn; then none. */
    private final Deque<Date> nextSteps = new ArrayDeque<>();
    /** The same for "Queue work item" and "Widen routing target" and the routing target's time-outs. */
    private final Deque<Date> nextTargets = new ArrayDeque<>();
    /**
     * What priority/ServiceLevelRules says at each step's "Rules or context changed?", in turn; then no. (The
     * stand-in for "Refresh context" sets it, as the listener would at the gateway.)
     */
    private final Deque<Boolean> serviceLevelOutdated = new ArrayDeque<>();
    /** What the agent chooses in "Handle work item", in turn; then Mark done. */
    private final Deque<String> choices = new ArrayDeque<>();

    @BeforeEach
    void registerDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("validateCoreAttributesDelegate", (JavaDelegate) execution -> {
            calls.add("validate");
            execution.setVariable("workItemId", execution.getProcessBusinessKey());
            execution.setVariable("coreAttributesValid", execution.getVariable("externalId") != null);
        });
        Mocks.register("applyServiceLevelDelegate", (JavaDelegate) execution -> {
            calls.add("applyServiceLevel");
            decided.put("classification", Map.of("department", execution.getVariable("classifiedDepartment"),
                    "process", execution.getVariable("classifiedProcess")));
            decided.put("serviceLevel", new HashMap<>((Map<?, ?>) execution.getVariable("serviceLevel")));
            decided.put("routingTargets", new HashMap<>((Map<?, ?>) execution.getVariable("routingTargets")));
            execution.removeVariable("classification");
            execution.removeVariable("serviceLevel");
            execution.removeVariable("routingTargets");
            execution.setVariable("activationInFuture", activationInFuture);
            execution.setVariable("effectivePriority", 500);
            execution.setVariable("confirmationTimeout", confirmationTimeout);
            // as the real step does, from the rule's row: the handling timer counts it from the agent's start
            execution.setVariable("handlingTimeout", serviceLevel().get("handlingTimeout"));
            execution.setVariable("dueDate", Date.from(Instant.now().plus(Duration.ofHours(72))));
        });
        Mocks.register("queueWorkItemDelegate", (JavaDelegate) execution -> {
            calls.add("queue");
            execution.setVariable("nextReprioritizationAt", nextSteps.poll());
            execution.setVariable("nextTargetExpansionAt", nextTargets.poll());
        });
        Mocks.register("recordAnswerDelegate", (JavaDelegate) execution -> {
            calls.add("recordAnswer:" + execution.getVariable("offerAnswer"));
            execution.setVariable("offerAccepted", "ACCEPT".equals(execution.getVariable("offerAnswer")));
            execution.removeVariable("offerAnswer");
        });
        Mocks.register("recordHandlingDelegate", (JavaDelegate) execution -> {
            String choice = choices.isEmpty() ? "DONE" : choices.poll();
            calls.add("recordHandling:" + choice);
            execution.setVariable("handlingOutcome", choice);
            execution.setVariable("nextStep", "DONE".equals(choice) ? "DONE" : null);
        });
        Mocks.register("recordHandlingTimeoutDelegate", (JavaDelegate) execution -> {
            // the real step reads the action from the row, which took it from the rule
            String action = (String) serviceLevel().getOrDefault("handlingTimeoutAction", "RETURN_TO_QUEUE");
            calls.add("recordHandlingTimeout:" + action);
            execution.setVariable("handlingTimeoutAction", action);
            if ("RETURN_TO_QUEUE".equals(action)) {
                execution.setVariable("nextStep", "QUEUE");
            }
        });
        Mocks.register("transferToAgentDelegate", (JavaDelegate) execution -> {
            calls.add("transferToAgent");
            execution.setVariable("assignee", "bob");
            execution.setVariable("nextStep", "HANDLE");
        });
        Mocks.register("transferToTargetDelegate", (JavaDelegate) execution -> {
            calls.add("transferToTarget");
            execution.setVariable("nextStep", "QUEUE");
        });
        Mocks.register("pullFromWorkbinDelegate", (JavaDelegate) execution -> {
            calls.add("pullFromWorkbin:" + execution.getVariable("assignee"));
            execution.setVariable("nextStep", "HANDLE");
        });
        Mocks.register("returnFromWorkbinDelegate", (JavaDelegate) execution -> {
            calls.add("returnFromWorkbin");
            execution.setVariable("nextStep", "QUEUE");
        });
        Mocks.register("widenRoutingTargetDelegate", (JavaDelegate) execution -> {
            calls.add("widenRoutingTarget");
            execution.setVariable("nextTargetExpansionAt", nextTargets.poll());
        });
        Mocks.register("refreshContextDelegate", (JavaDelegate) execution -> {
            calls.add("refreshContext");
            execution.setVariable("serviceLevelOutdated",
                    Variables.booleanValue(Boolean.TRUE.equals(serviceLevelOutdated.poll()), true));
        });
        Mocks.register("reprioritizeDelegate", (JavaDelegate) execution -> {
            calls.add("reprioritize");
            if (execution.getVariable("serviceLevel") instanceof Map<?, ?> again) {
                decided.put("serviceLevelAgain", new HashMap<>(again));
            }
            execution.removeVariable("serviceLevel");
            execution.setVariable("nextReprioritizationAt", nextSteps.poll());
        });
        Map.ofEntries(Map.entry("lookUpContextDelegate", "lookUpContext"), Map.entry("rejectWorkItemDelegate", "reject"),
                Map.entry("markOverdueDelegate", "markOverdue"),
                Map.entry("redirectOnNoAnswerDelegate", "redirectOnNoAnswer"),
                Map.entry("parkInWorkbinDelegate", "parkInWorkbin"),
                Map.entry("recordMarkDoneDelegate", "recordMarkDone"),
                Map.entry("returnToQueueDelegate", "returnToQueue"),
                Map.entry("completeWorkItemDelegate", "complete"), Map.entry("cancelWorkItemDelegate", "cancel"),
                Map.entry("holdWorkItemDelegate", "hold"), Map.entry("resumeWorkItemDelegate", "resume"),
                Map.entry("applyUpdateDelegate", "applyUpdate"),
                Map.entry("applyReclassificationDelegate", "applyReclassification"),
                Map.entry("restartWorkItemDelegate", "restart"))
            .forEach((bean, call) -> Mocks.register(bean, (JavaDelegate) execution -> calls.add(call)));
    }

    @AfterEach
    void resetDelegates() {
        Mocks.reset();
    }

    @Test
    void capturedItemIsClassifiedQueuedOfferedAndCompletedOnMarkDone() {
        ProcessInstance instance = start(lead("Gold"));

        // capture answers before the context lookup: the rest runs as a job
        process(instance).isWaitingAt("Activity_LookUpContext");
        execute(job());
        process(instance).isWaitingAt("Activity_WaitForAgent");
        assertThat(decided.get("classification")).isEqualTo(Map.of("department", "Sales", "process", "Lead Handling"));
        assertThat(decided.get("serviceLevel")).isEqualTo(Map.of("slaDuration", "PT72H", "businessCalendar", "24x7",
                "prioritySchema", "Gold", "minPriority", 500, "maxPriority", 2000, "requiredSkill", "Sales Processing"))
            .as("Sales needs no source confirmation");
        assertThat(decided.get("routingTargets")).isEqualTo(Map.of("primaryTarget", "Sales Processing > 4",
                "secondaryTarget", "Sales Processing > 2", "tertiaryTarget", "Sales Processing > 0",
                "primaryTimeoutPercent", 25, "secondaryTimeoutPercent", 25));

        offerTo("alice");
        BpmnAwareTests.assertThat(task()).isAssignedTo("alice");
        assertThat(task().getPriority()).as("Tasklist sorts by the item's priority").isEqualTo(500);
        var form = taskService().createTaskQuery().initializeFormKeys().singleResult().getCamundaFormRef();
        assertThat(form.getKey()).isEqualTo("handle-work-item");
        assertThat(form.getBinding()).isEqualTo("deployment");

        taskService().complete(task().getId());
        process(instance)
            .hasPassedInOrder("Activity_ValidateCoreAttributes", "Activity_LookUpContext", "Activity_ClassifyWorkItem",
                    "Activity_DetermineServiceLevel", "Activity_ApplyServiceLevel", "Activity_QueueWorkItem",
                    "Activity_WaitForAgent", "Activity_HandleWorkItem", "Activity_RecordMarkDone",
                    "Activity_CompleteWorkItem", "Event_WorkItemCompleted")
            .hasPassed("Event_PriorityFinal", "Event_LastTargetReached", "Event_Offered")
            .hasNotPassed("Activity_RejectWorkItem", "Event_ActivationDue", "Event_ConfirmationOverdue",
                    "Activity_Reprioritize", "Activity_MarkOverdue", "Activity_WidenRoutingTarget")
            .isEnded();
        assertThat(calls).containsExactly("validate", "lookUpContext", "applyServiceLevel", "queue",
                "recordHandling:DONE", "recordMarkDone", "complete");
    }

    @Test
    void itemWithoutCoreAttributesIsRejected() {
        ProcessInstance instance = start(Variables.createVariables().putValue("sourceSystem", "crm"));

        process(instance)
            .hasPassedInOrder("Activity_ValidateCoreAttributes", "Activity_RejectWorkItem", "Event_WorkItemRejected")
            .hasNotPassed("Activity_WorkItemActive")
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
        process(instance).isWaitingAt("Activity_LookUpContext");
        execute(job());

        assertThat(decided.get("classification")).isEqualTo(Map.of("department", "Finance", "process", "Collections"));
        assertThat(serviceLevel()).containsEntry("slaDuration", "PT72H")
            .containsEntry("requiredSkill", "Finance Processing")
            .containsEntry("confirmationTimeout", "PT24H");
    }

    @Test
    void itemWithAFutureActivationDateWaitsForIt() {
        activationInFuture = true;
        ProcessInstance instance = start(lead("Gold").putValue("activationAt", "2026-12-24T08:00:00Z"));
        process(instance).isWaitingAt("Activity_LookUpContext");
        execute(job());

        process(instance).isWaitingAt("Event_ActivationDue");
        assertThat(calls).doesNotContain("queue");
        execute(job());
        process(instance).hasPassed("Event_ActivationDue").isWaitingAt("Activity_WaitForAgent");
        assertThat(calls).endsWith("queue");
    }

    @Test
    void markDoneWaitsForTheSourceAndGoesBackToTheQueueWhenItDoesNotConfirm() {
        confirmationTimeout = "PT24H";
        ProcessInstance instance = queued(lead("Gold"));
        offerTo("alice");
        taskService().complete(task().getId());

        process(instance).isWaitingAt("Event_ConfirmationOverdue");
        execute(job());
        process(instance).hasPassed("Activity_ReturnToQueue").isWaitingAt("Activity_WaitForAgent");
        assertThat(calls).endsWith("recordMarkDone", "returnToQueue", "queue");
    }

    @Test
    void theSourceConfirmsCompletionWhileTheItemAwaitsIt() {
        confirmationTimeout = "PT24H";
        ProcessInstance instance = queued(lead("Gold"));
        offerTo("alice");
        taskService().complete(task().getId());

        send("WorkItem.Complete");
        process(instance).hasPassed("Event_CompleteReceived", "Activity_CompleteWorkItem", "Event_WorkItemCompleted")
            .hasNotPassed("Activity_ReturnToQueue")
            .isEnded();
    }

    @Test
    void heldItemLeavesDistributionAndIsClassifiedAgainOnResume() {
        ProcessInstance instance = queued(lead("Gold"));
        offerTo("alice");

        send("WorkItem.Hold");
        process(instance).hasPassed("Event_HoldReceived", "Activity_HoldWorkItem").isWaitingAt("Activity_Held");
        assertThat(taskService().createTaskQuery().count()).as("the agent's task is gone").isZero();

        send("WorkItem.Resume");
        process(instance).hasPassed("Activity_ResumeWorkItem").isWaitingAt("Activity_LookUpContext");
        execute(job());
        process(instance).isWaitingAt("Activity_WaitForAgent");
        assertThat(calls).endsWith("hold", "resume", "lookUpContext", "applyServiceLevel", "queue");
    }

    @Test
    void canceledItemEndsWhereverItIs() {
        ProcessInstance queued = queued(lead("Gold"));
        send("WorkItem.Cancel");
        process(queued).hasPassed("Event_CancelReceived", "Activity_CancelWorkItem", "Event_WorkItemCanceled")
            .isEnded();
    }

    @Test
    void heldItemCanBeCanceledOrCompleted() {
        ProcessInstance instance = queued(lead("Gold"));
        send("WorkItem.Hold");
        send("WorkItem.Complete");
        process(instance).hasPassed("Activity_Held", "Activity_CompleteWorkItem").isEnded();
        assertThat(calls).endsWith("hold", "complete");
    }

    @Test
    void anUpdateChangesAttributesWithoutDisturbingDistribution() {
        ProcessInstance instance = queued(lead("Gold"));
        offerTo("alice");

        send("WorkItem.Update");
        process(instance).hasPassed("Event_UpdateReceived", "Activity_ApplyUpdate", "Event_UpdateApplied")
            .isWaitingAt("Activity_HandleWorkItem");
        BpmnAwareTests.assertThat(task()).isAssignedTo("alice");
    }

    @Test
    void aHeldItemTakesUpdatesAndStaysHeld() {
        ProcessInstance instance = queued(lead("Gold"));
        send("WorkItem.Hold");
        send("WorkItem.Update");
        process(instance).hasPassed("Activity_ApplyUpdate").isWaitingAt("Activity_Held");
    }

    @Test
    void reclassificationTakesTheItemFromItsAgentAndClassifiesItAgain() {
        ProcessInstance instance = queued(lead("Gold"));
        offerTo("alice");

        runtimeService().createMessageCorrelation("WorkItem.Reclassify")
            .processInstanceBusinessKey(ITEM)
            .setVariable("requestType", "Invoice")
            .setVariable("customerSegment", "Bronze")
            .correlate();
        process(instance).hasPassed("Event_ReclassifyReceived", "Activity_ApplyReclassification")
            .isWaitingAt("Activity_LookUpContext");
        assertThat(taskService().createTaskQuery().count()).isZero();
        execute(job());
        assertThat(decided.get("classification")).isEqualTo(Map.of("department", "Finance", "process", "Billing"));
        assertThat(serviceLevel()).containsEntry("minPriority", 100).containsEntry("prioritySchema", "Bronze");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPriorityStepDecidesTheServiceLevelAgainOnlyWhenTheRulesOrContextChanged() {
        nextSteps.add(Date.from(Instant.now().plus(Duration.ofHours(1))));
        nextSteps.add(Date.from(Instant.now().plus(Duration.ofHours(2))));
        serviceLevelOutdated.add(true);
        serviceLevelOutdated.add(false);
        ProcessInstance instance = queued(lead("Gold"));
        process(instance).isWaitingAt("Activity_WaitForAgent", "Event_ReprioritizationDue");

        execute(timer("Event_ReprioritizationDue"));
        process(instance).hasPassed("Activity_RedetermineServiceLevel")
            .isWaitingAt("Activity_WaitForAgent", "Event_ReprioritizationDue");
        assertThat(calls).endsWith("queue", "refreshContext", "reprioritize");
        assertThat((Map<String, Object>) decided.remove("serviceLevelAgain")).containsEntry("prioritySchema", "Gold")
            .containsEntry("minPriority", 500);

        execute(timer("Event_ReprioritizationDue"));
        process(instance).hasPassed("Event_PriorityFinal").isWaitingAt("Activity_WaitForAgent");
        assertThat(calls).endsWith("reprioritize", "refreshContext", "reprioritize");
        assertThat(decided).as("the second step kept the terms").doesNotContainKey("serviceLevelAgain");
        assertThat(BpmnAwareTests.historyService().createHistoricActivityInstanceQuery()
            .processInstanceId(instance.getId()).activityId("Activity_RedetermineServiceLevel").count()).isEqualTo(1);
        assertThat(runtimeService().getVariable(instance.getId(), "serviceLevel")).isNull();
    }

    @Test
    void aManualAgentAcceptsTheOfferInTasklistAndHandlesIt() {
        ProcessInstance instance = queued(lead("Gold"));
        offerTo("alice", false);

        process(instance).hasPassed("Gateway_AnswerAutomatically").isWaitingAt("Activity_AnswerOffer");
        BpmnAwareTests.assertThat(task()).isAssignedTo("alice");
        var form = taskService().createTaskQuery().initializeFormKeys().singleResult().getCamundaFormRef();
        assertThat(form.getKey()).isEqualTo("answer-offer");
        taskService().complete(task().getId(), Map.of("offerAnswer", "ACCEPT"));

        process(instance).hasPassed("Activity_RecordAnswer", "Gateway_EnterHandling").isWaitingAt("Activity_HandleWorkItem");
        BpmnAwareTests.assertThat(task()).isAssignedTo("alice");
        assertThat(calls).endsWith("queue", "recordAnswer:ACCEPT");
    }

    @Test
    void aDeclinedOfferGoesBackToTheQueue() {
        ProcessInstance instance = queued(lead("Gold"));
        offerTo("alice", false);
        taskService().complete(task().getId(), Map.of("offerAnswer", "DECLINE"));

        process(instance).hasPassed("Gateway_OfferAccepted", "Gateway_BackToQueue").isWaitingAt("Activity_WaitForAgent");
        assertThat(calls).endsWith("queue", "recordAnswer:DECLINE", "queue");
        assertThat(taskService().createTaskQuery().count()).isZero();
    }

    @Test
    void anUnansweredOfferRedirectsTheItemAfterTheRonaTimeout() {
        ProcessInstance instance = queued(lead("Gold"));
        offerTo("alice", false);

        execute(timer("Event_OfferUnanswered"));
        process(instance).hasPassed("Activity_RedirectOnNoAnswer", "Gateway_BackToQueue")
            .hasNotPassed("Activity_RecordAnswer")
            .isWaitingAt("Activity_WaitForAgent");
        assertThat(calls).endsWith("queue", "redirectOnNoAnswer", "queue");
        assertThat(taskService().createTaskQuery().count()).as("the offer task is withdrawn").isZero();
    }

    @Test
    void aTransferToAnAgentHandsTheTaskToThatAgent() {
        choices.add("TRANSFER_AGENT");
        ProcessInstance instance = queued(lead("Gold"));
        offerTo("alice");
        taskService().complete(task().getId());

        process(instance).hasPassed("Activity_TransferToAgent", "Event_TransferredToAgent", "Gateway_NextStep")
            .isWaitingAt("Activity_HandleWorkItem");
        BpmnAwareTests.assertThat(task()).isAssignedTo("bob");
        taskService().complete(task().getId());
        process(instance).hasPassed("Event_MarkedDone", "Activity_RecordMarkDone").isEnded();
        assertThat(calls).endsWith("recordHandling:TRANSFER_AGENT", "transferToAgent", "recordHandling:DONE",
                "recordMarkDone", "complete");
    }

    @Test
    void aTransferToASkillTargetSendsTheItemBackToTheQueue() {
        choices.add("TRANSFER_TARGET");
        ProcessInstance instance = queued(lead("Gold"));
        offerTo("alice");
        taskService().complete(task().getId());

        process(instance).hasPassed("Activity_TransferToTarget", "Event_SentToTarget", "Gateway_BackToQueue")
            .isWaitingAt("Activity_WaitForAgent");
        assertThat(calls).endsWith("recordHandling:TRANSFER_TARGET", "transferToTarget", "queue");
    }

    @Test
    void aParkedItemWaitsInTheWorkbinUntilItsAgentPullsIt() {
        choices.add("PARK");
        ProcessInstance instance = queued(lead("Gold"));
        offerTo("alice");
        taskService().complete(task().getId());

        process(instance).hasPassed("Activity_ParkInWorkbin").isWaitingAt("Activity_InWorkbin");
        assertThat(taskService().createTaskQuery().count()).isZero();
        runtimeService().createMessageCorrelation("WorkItem.Pull").processInstanceBusinessKey(ITEM)
            .setVariable("assignee", "alice").correlate();
        process(instance).hasPassed("Activity_PullFromWorkbin", "Event_PulledFromWorkbin")
            .isWaitingAt("Activity_HandleWorkItem");
        BpmnAwareTests.assertThat(task()).isAssignedTo("alice");
        assertThat(calls).endsWith("recordHandling:PARK", "parkInWorkbin", "pullFromWorkbin:alice");
    }

    @Test
    void aSupervisorReturnsAParkedItemToTheQueue() {
        choices.add("PARK");
        ProcessInstance instance = queued(lead("Gold"));
        offerTo("alice");
        taskService().complete(task().getId());

        send("WorkItem.ReturnToQueue");
        process(instance).hasPassed("Event_ReturnToQueueReceived", "Activity_ReturnFromWorkbin",
                "Event_ReturnedFromWorkbin").isWaitingAt("Activity_WaitForAgent");
        assertThat(calls).endsWith("parkInWorkbin", "returnFromWorkbin", "queue");
    }

    @Test
    void theRoutingTargetWidensAtEachTimeoutUntilTheLast() {
        nextTargets.add(Date.from(Instant.now().plus(Duration.ofHours(18))));
        nextTargets.add(Date.from(Instant.now().plus(Duration.ofHours(36))));
        ProcessInstance instance = queued(lead("Gold"));
        process(instance).isWaitingAt("Activity_WaitForAgent", "Event_TargetTimeoutReached");

        execute(timer("Event_TargetTimeoutReached"));
        process(instance).isWaitingAt("Activity_WaitForAgent", "Event_TargetTimeoutReached");
        execute(timer("Event_TargetTimeoutReached"));
        process(instance).hasPassed("Event_LastTargetReached").isWaitingAt("Activity_WaitForAgent");
        assertThat(calls).endsWith("queue", "widenRoutingTarget", "widenRoutingTarget");
    }

    @Test
    void anOfferEndsTheReprioritizationSteps() {
        nextTargets.add(Date.from(Instant.now().plus(Duration.ofHours(18))));
        nextSteps.add(Date.from(Instant.now().plus(Duration.ofHours(1))));
        ProcessInstance instance = queued(lead("Gold"));
        offerTo("alice");

        process(instance).hasPassed("Event_Offered").isWaitingAt("Activity_HandleWorkItem");
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count())
            .as("neither a step, the target's nor the due timer is left").isZero();
    }

    @Test
    void theDueDateMarksAQueuedItemOverdueWhileItWaits() {
        ProcessInstance instance = queued(lead("Gold"));

        execute(timer("Event_DueDateReached"));
        process(instance).hasPassed("Activity_MarkOverdue", "Event_OverdueMarked").isWaitingAt("Activity_WaitForAgent");
        assertThat(calls).endsWith("queue", "markOverdue");
        offerTo("alice");
        process(instance).isWaitingAt("Activity_HandleWorkItem");
    }

    @Test
    void aRestartStartsANewInstanceForTheSameItem() {
        ProcessInstance restarted = runtimeService().createMessageCorrelation("WorkItem.Restart")
            .processInstanceBusinessKey(ITEM)
            .setVariables(lead("Silver"))
            .correlateStartMessage();

        process(restarted).hasPassed("Event_WorkItemRestarted", "Activity_RestartWorkItem")
            .hasNotPassed("Activity_ValidateCoreAttributes")
            .isWaitingAt("Activity_LookUpContext");
        assertThat(restarted.getBusinessKey()).isEqualTo(ITEM);
    }

    @Test
    void aHighValueWebShopCartStartsOnAHigherSchemaThanALowValueOne() {
        queued(cart(1500.0));
        assertThat(serviceLevel()).containsEntry("prioritySchema", "Hot cart")
            .containsEntry("minPriority", 600)
            .containsEntry("handlingTimeout", "PT2H")
            .containsEntry("handlingTimeoutAction", "EXCEPTION");
        send("WorkItem.Cancel");

        queued(cart(120.0));
        assertThat(serviceLevel()).containsEntry("prioritySchema", "Cart")
            .containsEntry("minPriority", 100)
            .containsEntry("handlingTimeout", "PT4H")
            .containsEntry("handlingTimeoutAction", "RETURN_TO_QUEUE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void reclassificationDecidesTheServiceLevelAgainWithTheNewValue() {
        ProcessInstance instance = queued(cart(120.0));
        assertThat(serviceLevel()).containsEntry("prioritySchema", "Cart");

        runtimeService().createMessageCorrelation("WorkItem.Reclassify")
            .processInstanceBusinessKey(ITEM)
            .setVariable("dealValue", 2400.0)
            .correlate();
        execute(job());
        process(instance).isWaitingAt("Activity_WaitForAgent");
        assertThat(serviceLevel()).containsEntry("prioritySchema", "Hot cart");

        // and so does a priority step that decides again, from what the item says now
        nextSteps.add(Date.from(Instant.now().plus(Duration.ofMinutes(30))));
        serviceLevelOutdated.add(true);
        send("WorkItem.Cancel");
        queued(cart(2400.0));
        execute(timer("Event_ReprioritizationDue"));
        assertThat((Map<String, Object>) decided.get("serviceLevelAgain")).containsEntry("prioritySchema", "Hot cart");
    }

    @Test
    void anItemInHandlingLongerThanItsTimeOutGoesBackToTheQueue() {
        ProcessInstance instance = queued(cart(120.0));
        offerTo("alice");
        process(instance).isWaitingAt("Activity_HandleWorkItem", "Event_HandlingTimedOut");
        assertThat(timer("Event_HandlingTimedOut").getDuedate()).as("the rule's PT4H, from the agent's start")
            .isCloseTo(Date.from(Instant.now().plus(Duration.ofHours(4))), 60_000);

        execute(timer("Event_HandlingTimedOut"));
        process(instance)
            .hasPassed("Activity_RecordHandlingTimeout", "Event_TimeoutTakesItem", "Event_TimeoutTookItem",
                    "Event_TimedOutToQueue", "Gateway_BackToQueue")
            .hasNotPassed("Activity_RecordHandling", "Event_SupervisorTold")
            .isWaitingAt("Activity_WaitForAgent");
        assertThat(taskService().createTaskQuery().count()).as("the agent's task is withdrawn").isZero();
        assertThat(calls).endsWith("queue", "recordHandlingTimeout:RETURN_TO_QUEUE", "queue");
    }

    @Test
    void anItemInHandlingLongerThanItsTimeOutStaysWithItsAgentWhenTheRuleAsksForAnException() {
        ProcessInstance instance = queued(cart(1500.0));
        offerTo("alice");

        execute(timer("Event_HandlingTimedOut"));
        process(instance).hasPassed("Activity_RecordHandlingTimeout", "Event_SupervisorTold")
            .hasNotPassed("Event_TimeoutTakesItem")
            .isWaitingAt("Activity_HandleWorkItem");
        BpmnAwareTests.assertThat(task()).isAssignedTo("alice");
        assertThat(calls).endsWith("queue", "recordHandlingTimeout:EXCEPTION");

        taskService().complete(task().getId());
        process(instance).hasPassed("Event_AgentChose", "Activity_RecordMarkDone").isEnded();
    }

    @Test
    void markDoneBeforeTheHandlingTimeOutEndsItsTimer() {
        ProcessInstance instance = queued(cart(120.0));
        offerTo("alice");
        assertThat(timer("Event_HandlingTimedOut")).isNotNull();

        taskService().complete(task().getId());
        process(instance).hasPassed("Event_AgentChose", "Activity_RecordMarkDone")
            .hasNotPassed("Activity_RecordHandlingTimeout")
            .isEnded();
        assertThat(calls).doesNotContain("recordHandlingTimeout:RETURN_TO_QUEUE");
    }

    @Test
    void parkingStopsTheHandlingClockAndPullingStartsItAfresh() {
        choices.add("PARK");
        ProcessInstance instance = queued(cart(120.0));
        offerTo("alice");
        taskService().complete(task().getId());

        process(instance).isWaitingAt("Activity_InWorkbin");
        assertThat(timer("Event_HandlingTimedOut")).as("a parked item is not in handling").isNull();
        runtimeService().createMessageCorrelation("WorkItem.Pull").processInstanceBusinessKey(ITEM)
            .setVariable("assignee", "alice").correlate();
        process(instance).isWaitingAt("Activity_HandleWorkItem", "Event_HandlingTimedOut");
    }

    private static Job timer(String activityId) {
        return managementService().createJobQuery().activityId(activityId).singleResult();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> serviceLevel() {
        return (Map<String, Object>) decided.get("serviceLevel");
    }

    /** An abandoned web-shop cart of this value. */
    private static org.camunda.bpm.engine.variable.VariableMap cart(double value) {
        return Variables.createVariables()
            .putValue("externalId", "SHOP-" + value)
            .putValue("sourceSystem", "webshop")
            .putValue("requestType", "Lead")
            .putValue("dealValue", value);
    }

    private static ProcessInstanceAssert process(ProcessInstance instance) {
        return BpmnAwareTests.assertThat(instance);
    }

    private static org.camunda.bpm.engine.variable.VariableMap lead(String segment) {
        return Variables.createVariables()
            .putValue("externalId", "CRM-1")
            .putValue("sourceSystem", "crm")
            .putValue("department", null)
            .putValue("process", null)
            .putValue("requestType", "Lead")
            .putValue("customerSegment", segment);
    }

    private ProcessInstance start(Map<String, Object> variables) {
        return runtimeService().startProcessInstanceByKey(WorkItemProcess.PROCESS_KEY, ITEM, variables);
    }

    private ProcessInstance queued(Map<String, Object> variables) {
        ProcessInstance instance = start(variables);
        process(instance).isWaitingAt("Activity_LookUpContext");
        execute(job());
        process(instance).isWaitingAt("Activity_WaitForAgent");
        return instance;
    }

    private static void offerTo(String agent) {
        offerTo(agent, true);
    }

    private static void offerTo(String agent, boolean autoAnswer) {
        runtimeService().createMessageCorrelation("WorkItem.Offered")
            .processInstanceBusinessKey(ITEM)
            .setVariable("assignee", agent)
            .setVariable("autoAnswer", autoAnswer)
            .setVariable("ronaTimeout", "PT30S")
            .correlate();
    }

    private static void send(String message) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(ITEM).correlate();
    }
}
