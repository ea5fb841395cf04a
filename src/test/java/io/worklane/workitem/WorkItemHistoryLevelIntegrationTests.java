package io.worklane.workitem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.spring.boot.starter.jdbc.HistoryLevelDeterminator;
import org.camunda.bpm.spring.boot.starter.jdbc.HistoryLevelDeterminatorJdbcTemplateImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/**
 * The engine runs at Worklane's history level on a new database: a queued work item leaves its process instance and
 * its decisions in ACT_HI_*, and neither its variables nor its gateways, events and scopes; another process keeps
 * Camunda's audit history.
 */
class WorkItemHistoryLevelIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    private ProcessEngine engine;

    @Autowired
    private HistoryService historyService;

    @Autowired
    private RepositoryService repositoryService;

    @Test
    void aQueuedItemKeepsItsDecisionsAndNeitherItsVariablesNorItsMachinery() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel().getName())
            .isEqualTo(WorkItemHistoryLevel.NAME);
        ApiClient crm = sourceSystem("crm");
        String id = crm.post("/api/work-items", Map.of("externalId", "HISTORY-1", "requestType", "Lead",
                "customerSegment", "Gold")).text("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "QUEUED".equals(stateOf(id)));
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM work_item WHERE id = ?", String.class,
                id);

        assertThat(runtimeService.getVariables(instance)).as("the process still has its variables").isNotEmpty();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isOne();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .orderPartiallyByOccurrence().asc().list())
            .extracting(HistoricActivityInstance::getActivityId)
            .containsExactly("Activity_ClassifyWorkItem", "Activity_DetermineServiceLevel",
                "Activity_DetermineRoutingTargets");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).finished().count())
            .as("each decision's row is ended").isEqualTo(3);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void theStarterReadsTheLevelBackFromTheDatabase(@Autowired HistoryLevelDeterminator determinator) {
        var jdbcDeterminator = (HistoryLevelDeterminatorJdbcTemplateImpl) determinator;
        String fallback = jdbcDeterminator.getDefaultHistoryLevel();
        jdbcDeterminator.setDefaultHistoryLevel("audit");
        try {
            assertThat(determinator.determineHistoryLevel()).as("the database's level, not the fallback")
                .isEqualTo(WorkItemHistoryLevel.NAME);
        }
        finally {
            jdbcDeterminator.setDefaultHistoryLevel(fallback);
        }
    }

    @Test
    void anotherProcessKeepsAuditHistory() {
        Deployment deployment = repositoryService.createDeployment().name("history-level-test")
            .addClasspathResource("benchmark/baseline-user-task.bpmn").deploy();
        try {
            String instance = runtimeService.startProcessInstanceByKey("baseline-user-task", Map.of("note", "kept"))
                .getId();
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).count())
                .as("its start event and its task").isEqualTo(2);
            assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("note").count()).isOne();
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }
}
