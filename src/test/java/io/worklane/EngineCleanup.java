package io.worklane;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Removes the thousands of instances a load test or benchmark leaves, faster than one call can. */
public final class EngineCleanup {

    private static final int CHUNK = 100;

    private EngineCleanup() {
    }

    /**
     * Deletes every instance of the process in chunks from four threads, again for chunks that met the job
     * executor (optimistic locking), until none is left. @return how many there were at first
     */
    public static int deleteAllInstances(RuntimeService runtimeService, String processKey) throws Exception {
        int found = instanceIds(runtimeService, processKey).size();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
                List<String> instances = instanceIds(runtimeService, processKey);
                List<Callable<Void>> deletions = new ArrayList<>();
                for (int from = 0; from < instances.size(); from += CHUNK) {
                    List<String> chunk = instances.subList(from, Math.min(from + CHUNK, instances.size()));
                    deletions.add(() -> {
                        runtimeService.deleteProcessInstancesIfExists(chunk, "test cleanup", true, true, true);
                        return null;
                    });
                }
                for (Future<Void> deletion : pool.invokeAll(deletions)) {
                    try {
                        deletion.get();
                    }
                    catch (ExecutionException jobRanMeanwhile) {
                        // the next round deletes what this chunk left
                    }
                }
                return instanceIds(runtimeService, processKey).isEmpty();
            });
        }
        finally {
            pool.shutdown();
        }
        return found;
    }

    private static List<String> instanceIds(RuntimeService runtimeService, String processKey) {
        return runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(processKey)
            .list()
            .stream()
            .map(ProcessInstance::getId)
            .toList();
    }
}
