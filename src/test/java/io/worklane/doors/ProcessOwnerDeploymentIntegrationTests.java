package io.worklane.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/** Process owners deploy models from the Modeler (engine REST): decisions and processes, never code. */
class ProcessOwnerDeploymentIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    private RepositoryService repositoryService;

    @Test
    void aProcessOwnerDeploysADecisionAndTheConsoleNamesWhoAndWhen() throws IOException {
        ApiClient pia = member("pia-owner", "process-owners");
        long before = versions("priority-schema");
        String dmn = Files.readString(Path.of("decisions", "priority-schema.dmn"));

        var deployed = pia.deploy("pia's schema", Map.of("priority-schema.dmn", dmn.replace("</definitions>",
                "<!-- changed -->\n</definitions>")));
        assertThat(deployed.status()).as("%s", deployed).isEqualTo(200);
        assertThat(versions("priority-schema")).isEqualTo(before + 1);

        JsonNode decisions = pia.get("/api/decisions").body();
        JsonNode schema = null;
        for (JsonNode decision : decisions) {
            if (decision.path("key").asText().equals("priority-schema")) {
                schema = decision;
            }
        }
        assertThat(schema).isNotNull();
        JsonNode newest = schema.path("versions").get(0);
        assertThat(newest.path("version").asLong()).isEqualTo(before + 1);
        assertThat(newest.path("deployedBy").asText()).isEqualTo("pia-owner");
        assertThat(newest.path("deploymentName").asText()).isEqualTo("pia's schema");
        assertThat(newest.path("deployedAt").asText()).isNotBlank();
        assertThat(as("alice-models", "agents").get("/api/decisions").status()).isEqualTo(403);
    }

    @Test
    void codeInAProcessOwnersModelIsRefusedAndNothingIsDeployed() throws IOException {
        ApiClient pia = member("pia-owner", "process-owners");
        long processes = repositoryService.createProcessDefinitionQuery().processDefinitionKey("work-item").count();
        String bpmn = Files.readString(Path.of("processes", "work-item.bpmn"))
            .replace("camunda:delegateExpression=\"${lookUpContextDelegate}\"", "camunda:class=\"com.evil.Gadget\"");

        var refused = pia.deploy("gadget", Map.of("work-item.bpmn", bpmn));
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.text("detail")).contains("work-item.bpmn, serviceTask Activity_LookUpContext: camunda:class "
                + "is not among the settings a process owner deploys");
        var script = pia.deploy("script", Map.of("run.groovy", "'touch /tmp/x'.execute()"));
        assertThat(script.status()).isEqualTo(400);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("work-item").count())
            .isEqualTo(processes);
        assertThat(repositoryService.createDeploymentQuery().deploymentName("gadget").count()).isZero();
        assertThat(as("alice-models", "agents").deploy("x", Map.of("priority-schema.dmn",
                Files.readString(Path.of("decisions", "priority-schema.dmn")))).status()).isEqualTo(403);
    }

    @Test
    void aBadSkillExpressionIsRefusedWithItsRuleColumnAndProblem() throws IOException {
        ApiClient pia = member("pia-owner", "process-owners");
        long before = versions("routing-targets");
        String dmn = Files.readString(Path.of("decisions", "routing-targets.dmn"))
            .replaceFirst("\"Sales Processing &gt; 4\"", "\"Sales Processing &gt;&gt; 4\"");

        var refused = pia.deploy("bad targets", Map.of("routing-targets.dmn", dmn));
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.text("detail")).contains("routing-targets.dmn, rule Rule_SalesOrders, secondaryTarget")
            .contains("unknown operator \">>\"");
        assertThat(versions("routing-targets")).isEqualTo(before);
    }

    private long versions(String decision) {
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decision).count();
    }
}
