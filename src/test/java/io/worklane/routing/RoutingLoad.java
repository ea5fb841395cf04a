package io.worklane.routing;

import static io.worklane.workitem.WorkItemProcess.CUSTOMER_SEGMENT;
import static io.worklane.workitem.WorkItemProcess.EXTERNAL_ID;
import static io.worklane.workitem.WorkItemProcess.PROCESS_KEY;
import static io.worklane.workitem.WorkItemProcess.REQUEST_TYPE;
import static io.worklane.workitem.WorkItemProcess.SOURCE_SYSTEM;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.worklane.EngineCleanup;

/**
 * Many real {@code work-item} instances for the router's load tests and benchmark, started through the engine as
 * a source system would over the engine REST door (far faster than the capture API), and agents written
 * straight into their tables, NOT_READY, so that no routing event fires.
 */
final class RoutingLoad {

    private final RuntimeService runtimeService;
    private final JdbcTemplate jdbc;
    private final ThreadPoolTaskExecutor routingExecutor;
    private final RoutingTriggers triggers;

    RoutingLoad(RuntimeService runtimeService, JdbcTemplate jdbc, ThreadPoolTaskExecutor routingExecutor,
            RoutingTriggers triggers) {
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.routingExecutor = routingExecutor;
        this.triggers = triggers;
    }

    /** Starts Gold leads ("Sales Processing &gt; 4"); the job executor takes each on to QUEUED. @return item ids */
    List<String> startLeads(String prefix, int count, int threads) throws Exception {
        List<Callable<String>> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String externalId = prefix + i;
            starts.add(() -> {
                String id = UUID.randomUUID().toString();
                runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                    .businessKey(id)
                    .setVariables(Variables.createVariables()
                        .putValue(EXTERNAL_ID, externalId)
                        .putValue(SOURCE_SYSTEM, "crm")
                        .putValue(REQUEST_TYPE, "Lead")
                        .putValue(CUSTOMER_SEGMENT, "Gold"))
                    .execute();
                return id;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<String> ids = new ArrayList<>();
            for (Future<String> started : pool.invokeAll(starts)) {
                ids.add(started.get());
            }
            return ids;
        }
        finally {
            pool.shutdown();
        }
    }

    /** Every {@code work-item} instance gone: thousands take longer than the base class's one call. @return how many */
    static int deleteAllInstances(RuntimeService runtimeService) throws Exception {
        return EngineCleanup.deleteAllInstances(runtimeService, PROCESS_KEY);
    }

    void awaitQueued(int expected, Duration atMost) {
        await().atMost(atMost)
            .pollInterval(Duration.ofMillis(250))
            .until(() -> queued() == expected);
    }

    int queued() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM work_item WHERE state = 'QUEUED'", Integer.class);
    }

    /**
     * The routing events of queued items run after commit on the routing executor: they must be done before a
     * test makes agents READY, or they would hand out work the test means its own routers to hand out.
     */
    void awaitRoutingIdle() {
        await().atMost(Duration.ofMinutes(1))
            .during(Duration.ofMillis(500))
            .until(() -> triggers.pendingRetries() == 0 && routingExecutor.getActiveCount() == 0
                    && routingExecutor.getThreadPoolExecutor().getQueue().isEmpty());
    }

    /** Agents with one skill and one capacity for work items, NOT_READY; the router needs no Camunda user. */
    void insertAgents(List<String> ids, String skill, int proficiency, int capacity) {
        jdbc.batchUpdate("INSERT INTO agent (id, display_name, presence, presence_since) "
                + "VALUES (?, ?, 'NOT_READY', now())", ids.stream().map(id -> new Object[] { id, id }).toList());
        jdbc.batchUpdate("INSERT INTO agent_skill (agent_id, skill, proficiency) VALUES (?, ?, ?)",
                ids.stream().map(id -> new Object[] { id, skill, proficiency }).toList());
        jdbc.batchUpdate("INSERT INTO agent_capacity (agent_id, media_type, max_items) VALUES (?, 'workitem', ?)",
                ids.stream().map(id -> new Object[] { id, capacity }).toList());
    }

    /** READY without the presence event: only the caller's routers hand this agent work. */
    void ready(String agentId) {
        jdbc.update("UPDATE agent SET presence = 'READY', presence_reason = NULL, presence_since = now() WHERE id = ?",
                agentId);
    }

    /** NOT_READY (Pause) without the presence event, keeping what the agent holds. */
    void notReady(String agentId) {
        jdbc.update("UPDATE agent SET presence = 'NOT_READY', presence_reason = 'Pause', presence_since = now() WHERE id = ?",
                agentId);
    }

    /** What each agent holds against its work item capacity (offered or in progress), by agent. */
    List<Integer> heldPerAgent() {
        return jdbc.queryForList("SELECT COUNT(w.id) FROM agent a LEFT JOIN work_item w ON w.assignee = a.id "
                + "AND w.state IN ('OFFERED', 'IN_PROGRESS') GROUP BY a.id ORDER BY a.id", Integer.class);
    }
}
