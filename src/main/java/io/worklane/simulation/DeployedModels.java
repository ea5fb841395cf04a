package io.worklane.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.springframework.stereotype.Component;

import io.worklane.workitem.WorkItemProcess;

/**
 * The models this engine runs now (the latest {@code work-item} process and the latest version of every decision),
 * where they differ from the application's own files: a run deploys them over its own, so that "current" means what
 * is deployed, process owners' deployments included.
 */
@Component
class DeployedModels {

    private final RepositoryService repositoryService;

    DeployedModels(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    Map<String, String> differingFromTheApplication() {
        Map<String, String> models = new LinkedHashMap<>();
        var process = repositoryService.createProcessDefinitionQuery().processDefinitionKey(WorkItemProcess.PROCESS_KEY)
            .latestVersion().singleResult();
        if (process != null) {
            put(models, "processes/", process);
        }
        repositoryService.createDecisionDefinitionQuery().latestVersion().list()
            .forEach(decision -> put(models, "decisions/", decision));
        return models;
    }

    private void put(Map<String, String> models, String folder, ResourceDefinition definition) {
        String name = definition.getResourceName();
        String file = name.substring(name.lastIndexOf('/') + 1);
        String deployed = read(repositoryService.getResourceAsStream(definition.getDeploymentId(), name));
        String own = read(getClass().getClassLoader().getResourceAsStream(folder + file));
        if (!deployed.equals(own)) {
            models.put(file, deployed);
        }
    }

    private static String read(InputStream stream) {
        if (stream == null) {
            return "";
        }
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
