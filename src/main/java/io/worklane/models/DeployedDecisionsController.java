package io.worklane.models;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
class DeployedDecisionsController {

    /** @param deployedBy the user who deployed it; null: the application at its start */
    record Version(int version, String id, String deploymentId, String deploymentName, String resource,
            Instant deployedAt, String deployedBy) {
    }

    record DeployedDecision(String key, String name, List<Version> versions) {
    }

    private final RepositoryService repositoryService;
    private final ModelDeployments deployments;

    DeployedDecisionsController(RepositoryService repositoryService, ModelDeployments deployments) {
        this.repositoryService = repositoryService;
        this.deployments = deployments;
    }

    @GetMapping("/api/decisions")
    @Operation(summary = "Every decision with its deployed versions, newest first: when and by whom (process owners, "
            + "supervisors)")
    List<DeployedDecision> decisions() {
        Map<String, List<Version>> versions = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Deployment> deployments = new LinkedHashMap<>();
        Map<String, String> deployers = new LinkedHashMap<>();
        for (DecisionDefinition decision : repositoryService.createDecisionDefinitionQuery()
            .orderByDecisionDefinitionKey()
            .asc()
            .orderByDecisionDefinitionVersion()
            .desc()
            .list()) {
            Deployment deployment = deployments.computeIfAbsent(decision.getDeploymentId(),
                    id -> repositoryService.createDeploymentQuery().deploymentId(id).singleResult());
            String deployer = deployers.computeIfAbsent(decision.getDeploymentId(), this::deployerOf);
            names.putIfAbsent(decision.getKey(), decision.getName());
            versions.computeIfAbsent(decision.getKey(), key -> new ArrayList<>())
                .add(new Version(decision.getVersion(), decision.getId(), decision.getDeploymentId(),
                        deployment == null ? null : deployment.getName(), decision.getResourceName(),
                        deployment == null || deployment.getDeploymentTime() == null ? null
                                : deployment.getDeploymentTime().toInstant(),
                        deployer.isEmpty() ? null : deployer));
        }
        List<DeployedDecision> decisions = new ArrayList<>();
        versions.forEach((key, list) -> decisions.add(new DeployedDecision(key, names.get(key), list)));
        return decisions;
    }

    private String deployerOf(String deploymentId) {
        return deployments.deployerOf(deploymentId).orElse("");
    }
}
