package io.worklane.workitem;

import static io.worklane.workitem.WorkItemProcess.CUSTOMER_SEGMENT;
import static io.worklane.workitem.WorkItemProcess.EXTERNAL_ID;
import static io.worklane.workitem.WorkItemProcess.MESSAGE_HOLD;
import static io.worklane.workitem.WorkItemProcess.MESSAGE_OFFERED;
import static io.worklane.workitem.WorkItemProcess.MESSAGE_RESUME;
import static io.worklane.workitem.WorkItemProcess.PROCESS_KEY;
import static io.worklane.workitem.WorkItemProcess.REQUEST_TYPE;
import static io.worklane.workitem.WorkItemProcess.SOURCE_SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.worklane.PostgresIntegrationTest;

class ProcessMessagesIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    private ProcessMessages messages;

    private String instance;

    @BeforeEach
    void aQueuedLead() {
        String id = UUID.randomUUID().toString();
        instance = runtimeService.createProcessInstanceByKey(PROCESS_KEY)
            .businessKey(id)
            .setVariables(Variables.createVariables()
                .putValue(EXTERNAL_ID, "PM-1")
                .putValue(SOURCE_SYSTEM, "crm")
                .putValue(REQUEST_TYPE, "Lead")
                .putValue(CUSTOMER_SEGMENT, "Gold"))
            .execute()
            .getId();
        await().atMost(Duration.ofSeconds(30))
            .until(() -> "QUEUED".equals(jdbc.queryForObject("SELECT state FROM work_item WHERE id = ?", String.class, id)));
    }

    @Test
    void findsTheExecutionThatWaitsForTheMessage() {
        String waitForAgent = runtimeService.createExecutionQuery()
            .processInstanceId(instance)
            .activityId("Activity_WaitForAgent")
            .singleResult()
            .getId();
        String distribution = runtimeService.createExecutionQuery()
            .processInstanceId(instance)
            .messageEventSubscriptionName(MESSAGE_HOLD)
            .singleResult()
            .getId();

        assertThat(messages.waitingExecution(MESSAGE_OFFERED, instance)).contains(waitForAgent);
        assertThat(messages.waitingExecution(MESSAGE_HOLD, instance)).contains(distribution);
    }

    @Test
    void noExecutionWaitsForAMessageOfAnotherStageNorInASuspendedOrUnknownInstance() {
        assertThat(messages.waitingExecution(MESSAGE_RESUME, instance)).isEmpty();
        assertThat(messages.waitingExecution(MESSAGE_OFFERED, "no-such-instance")).isEmpty();

        runtimeService.suspendProcessInstanceById(instance);

        assertThat(messages.waitingExecution(MESSAGE_OFFERED, instance)).isEmpty();
    }

    @Test
    void deliveringAMessageNobodyWaitsForFailsAsACorrelationWould() {
        assertThatThrownBy(() -> messages.deliver(MESSAGE_RESUME, instance, Map.of()))
            .isInstanceOf(MismatchingMessageCorrelationException.class)
            .hasMessageContaining(MESSAGE_RESUME)
            .hasMessageContaining(instance);
        assertThat(runtimeService.createExecutionQuery().processInstanceId(instance).activityId("Activity_WaitForAgent")
            .count()).isEqualTo(1);
    }
}
