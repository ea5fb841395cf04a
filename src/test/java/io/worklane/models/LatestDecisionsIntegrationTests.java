package io.worklane.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.worklane.PostgresIntegrationTest;

/** The latest decisions, kept for a second, are the new version at once after a deployment and a deletion here. */
class LatestDecisionsIntegrationTests extends PostgresIntegrationTest {

    private static final String KEY = "priority-schema";

    @Autowired
    private LatestDecisions latest;

    @Autowired
    private RepositoryService repositoryService;

    @Test
    void aDeploymentAndItsDeletionOnThisNodeAreSeenAtOnce() throws Exception {
        String before = idOf(latest.of(KEY).get(0));
        assertThat(idOf(latest.of(KEY).get(0))).isEqualTo(before).isEqualTo(latestInTheDatabase());

        Deployment deployment = repositoryService.createDeployment().name("latest-decisions-test")
            .addInputStream("priority-schema.dmn", Files.newInputStream(Path.of("decisions/priority-schema.dmn")))
            .deploy();
        try {
            String deployed = idOf(latest.of(KEY).get(0));
            assertThat(deployed).isNotEqualTo(before).isEqualTo(latestInTheDatabase());
        }
        finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
        assertThat(idOf(latest.of(KEY).get(0))).isEqualTo(before).isEqualTo(latestInTheDatabase());
    }

    private String latestInTheDatabase() {
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(KEY).latestVersion()
            .singleResult().getId();
    }

    private static String idOf(DmnDecision decision) {
        return ((DecisionDefinitionEntity) decision).getId();
    }
}
