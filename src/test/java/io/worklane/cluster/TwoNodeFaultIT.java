package io.worklane.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.worklane.TestDatabase;
import io.worklane.webhook.Receiver;

/**
 * Two nodes of the built application on one PostgreSQL, one of them killed with SIGKILL in the middle of a load
 * and started again. Checks from the database and the event log that nothing was lost, doubled or stuck, and that
 * the timers due while the node was down fired, and that the source system's webhook receiver, down while the node
 * was, got every change of its items in order, duplicates only as the same message. The README test command runs a
 * reduced size; the benchmark
 * ({@code -Pbench}) a larger one through the {@code worklane.cluster.*} properties.
 */
class TwoNodeFaultIT {

    private static final int ITEMS = Integer.getInteger("worklane.cluster.items", 120);
    private static final int AGENTS = Integer.getInteger("worklane.cluster.agents", 6);
    private static final int CAPACITY = 2;
    private static final Duration CAPTURE_WINDOW = Duration.ofSeconds(Integer.getInteger("worklane.cluster.captureSeconds", 10));
    /** Every queued item is reprioritized this often: the job executors' work grows with items / step. */
    private static final Duration PRIORITY_STEP = Duration.ofSeconds(Integer.getInteger("worklane.cluster.stepSeconds", 10));
    private static final Duration KILL_AFTER = Duration.ofSeconds(12);
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final String SOURCE = "faultcrm";
    private static final String SUPERVISOR = "faultboss";

    private final List<AppNode> nodes = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    /** Answers after 150 ms, so that the killed node dies with messages in flight. */
    private final Receiver receiver = new Receiver();

    @AfterEach
    void stopEverything() throws InterruptedException {
        stop.set(true);
        threads.shutdownNow();
        for (AppNode node : nodes) {
            node.stop();
        }
        receiver.stop();
    }

    @Test
    void everyItemCompletesExactlyOnceWhileANodeIsKilledAndRestarted() throws Exception {
        TestDatabase.Coordinates database = TestDatabase.fresh("worklane_cluster");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(), database.password()));
        Map<String, String> environment = environment(database);
        AppNode victim = new AppNode("node-a", environment);
        AppNode survivor = new AppNode("node-b", environment);
        nodes.addAll(List.of(victim, survivor));
        // the second once the first has created the schema, groups and grants, as compose does
        victim.start(Duration.ofMinutes(3));
        survivor.launch();
        ClusterClient client = new ClusterClient(nodes);
        ClusterSetup setup = new ClusterSetup(client);
        setup.usersAndGroups(SOURCE, SUPERVISOR);
        receiver.up().answerAfter(204, 150);
        String secret = setup.subscribe(SOURCE, receiver.url());
        setup.deployPrioritySchemaStepping(PRIORITY_STEP, 10);
        List<SimulatedAgent> agents = new ArrayList<>();
        for (int i = 0; i <= AGENTS; i++) {
            boolean sleepy = i == AGENTS;
            String id = sleepy ? "fsleepy" : String.format("fagent%02d", i);
            setup.agent(id, SUPERVISOR, CAPACITY);
            agents.add(new SimulatedAgent(id, i % 2, sleepy, client, stop));
        }
        CapacityWatch watch = new CapacityWatch(jdbc, CAPACITY);
        survivor.awaitReady(Duration.ofMinutes(3));

        Instant loadStart = Instant.now();
        Instant plannedKill = loadStart.plus(KILL_AFTER);
        List<Future<?>> running = new ArrayList<>();
        agents.forEach(agent -> running.add(threads.submit(agent)));
        running.add(threads.submit(watch));
        Future<Map<String, Instant>> captured = threads.submit(() -> capture(client, loadStart, plannedKill));

        ClusterClient.pause(Duration.between(Instant.now(), plannedKill));
        victim.kill();
        receiver.down();
        Instant killedAt = Instant.now();
        ClusterClient.pause(OUTAGE);
        victim.start(Duration.ofMinutes(5));
        Instant backAt = Instant.now();
        receiver.up();
        Instant receiverBackAt = Instant.now();
        Map<String, Instant> activationByItem = captured.get();

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> completed(jdbc) == ITEMS);
        stop.set(true);
        watch.stop();
        for (Future<?> thread : running) {
            thread.get(); // an agent or the watch that failed fails the test here
        }
        Instant end = Instant.now();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM webhook_outbox WHERE state <> 'DELIVERED'", Integer.class) == 0);
        WebhookAudit webhooks = new WebhookAudit(jdbc, SOURCE, secret, receiver, receiverBackAt);

        EventLogAudit audit = new EventLogAudit(jdbc, SOURCE).replay(capacities(agents));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("items", jdbc.queryForObject("SELECT COUNT(*) FROM work_item WHERE source_system = ?", Integer.class, SOURCE));
        counts.put("completed", completed(jdbc));
        counts.put("completedEvents", audit.count("COMPLETED"));
        counts.put("doneByAgents", audit.count("DONE", "AGENT"));
        counts.put("repeatedChanges", client.repeatedChanges());
        counts.put("offers", audit.count("OFFERED"));
        counts.put("rona", audit.count("RONA"));
        counts.put("reprioritized", audit.count("REPRIORITIZED"));
        counts.put("capacitySnapshots", watch.snapshots());
        counts.put("maxHeldAtOnce", audit.maxHeldAtOnce());
        counts.put("outageSeconds", Duration.between(killedAt, backAt).toSeconds());
        counts.put("killAfterSeconds", Duration.between(loadStart, killedAt).toSeconds());
        counts.put("loadSeconds", Duration.between(loadStart, end).toSeconds());
        counts.put("activationsDueInOutage", activationsBetween(activationByItem, killedAt, backAt));
        counts.put("queuedInOutage", audit.countBetween("QUEUED", killedAt, backAt));
        counts.put("maxActivationLatenessMs", maxActivationLatenessMs(jdbc, activationByItem));
        counts.put("reprioritizedInOutage", audit.countBetween("REPRIORITIZED", killedAt, backAt));
        counts.put("ronaInOutage", audit.countBetween("RONA", killedAt, backAt));
        // work items only: the sleepy agent's repeated RONA rightly opens a supervisor's exception task, which waits
        counts.put("runningInstancesLeft", jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_execution e JOIN act_re_procdef d "
                + "ON d.id_ = e.proc_def_id_ WHERE e.proc_inst_id_ IS NOT NULL AND d.key_ = 'work-item'", Integer.class));
        counts.put("jobsLeft", jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job j JOIN act_re_procdef d "
                + "ON d.id_ = j.process_def_id_ WHERE j.process_instance_id_ IS NOT NULL AND d.key_ = 'work-item'", Integer.class));
        counts.putAll(webhooks.counts());
        counts.put("supervisorExceptions", jdbc.queryForObject("SELECT COUNT(*) FROM supervisor_exception", Integer.class));
        report(counts, agents);

        assertThat(audit.violations()).isEmpty();
        assertThat(watch.violations()).isEmpty();
        assertThat(webhooks.violations()).as("webhooks").isEmpty();
        assertThat((int) counts.get("webhookMessages")).as("webhook messages").isGreaterThan(ITEMS * 4);
        assertThat(counts).containsEntry("items", ITEMS)
            .containsEntry("completed", ITEMS)
            .containsEntry("completedEvents", (long) ITEMS)
            .containsEntry("runningInstancesLeft", 0)
            .containsEntry("jobsLeft", 0);
        assertThat(counts).as("marked done by the agents, in the event log").containsEntry("doneByAgents", (long) ITEMS);
        // an agent counts only the answers it read: a mark done whose answer was lost with the killed node is
        // repeated, answered 409, and is in the event log above but not in the agent's count
        int doneAnswered = agents.stream().mapToInt(SimulatedAgent::done).sum();
        assertThat(doneAnswered).as("marks done answered 200").isBetween(ITEMS - client.repeatedChanges(), ITEMS);
        assertThat((long) counts.get("activationsDueInOutage")).as("activation timers due in the outage").isPositive();
        assertThat((long) counts.get("reprioritizedInOutage")).as("reprioritization timers fired in the outage").isPositive();
        assertThat((long) counts.get("ronaInOutage")).as("RONA timers fired in the outage").isPositive();
        assertThat(victim.starts()).isEqualTo(2);
    }

    /**
     * Captures every item within the capture window, a quarter of them with an activation date in the middle of
     * the planned outage. @return the activation date by item id, for those that have one
     */
    private Map<String, Instant> capture(ClusterClient client, Instant loadStart, Instant plannedKill) throws Exception {
        Instant activation = plannedKill.plus(OUTAGE.dividedBy(2));
        ExecutorService sources = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map.Entry<String, Instant>>> captures = IntStream.range(0, ITEMS).mapToObj(i -> sources.submit(() -> {
                ClusterClient.pause(Duration.between(Instant.now(), loadStart.plus(CAPTURE_WINDOW.multipliedBy(i).dividedBy(ITEMS))));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("externalId", "FAULT-" + i);
                body.put("requestType", "Lead");
                body.put("customerSegment", "Gold");
                Instant activationAt = i % 4 == 0 ? activation.plusMillis(i * 10L % 4000) : null;
                if (activationAt != null) {
                    body.put("activationAt", activationAt.toString());
                }
                ClusterClient.Response response = client.post(i % 2, SOURCE, "/api/work-items", body);
                assertThat(response.status()).as("capture %d: %s", i, response.body()).isIn(200, 201);
                return Map.entry(response.body().path("id").asText(), activationAt == null ? Instant.EPOCH : activationAt);
            })).toList();
            Map<String, Instant> activations = new LinkedHashMap<>();
            for (Future<Map.Entry<String, Instant>> capture : captures) {
                Map.Entry<String, Instant> item = capture.get();
                if (!Instant.EPOCH.equals(item.getValue())) {
                    activations.put(item.getKey(), item.getValue());
                }
            }
            return activations;
        }
        finally {
            sources.shutdown();
        }
    }

    private static Map<String, String> environment(TestDatabase.Coordinates database) {
        Map<String, String> environment = new LinkedHashMap<>();
        // what docker/compose.yaml sets
        environment.put("SPRING_PROFILES_ACTIVE", "postgres");
        environment.put("WORKLANE_DB_URL", database.url());
        environment.put("WORKLANE_DB_USER", database.user());
        environment.put("WORKLANE_DB_PASSWORD", database.password());
        environment.put("CAMUNDA_BPM_ADMINUSER_ID", ClusterSetup.ADMIN);
        environment.put("CAMUNDA_BPM_ADMINUSER_PASSWORD", ClusterSetup.ADMIN);
        environment.put("CAMUNDA_BPM_JOBEXECUTION_LOCKTIMEINMILLIS", "15000");
        // shorter than in production, so that the outage is long against them
        environment.put("WORKLANE_ROUTING_RONATIMEOUT", "PT5S");
        environment.put("WORKLANE_ROUTING_SWEEP_INTERVAL", "PT2S");
        environment.put("WORKLANE_DB_POOL_SIZE", "10");
        // the test's webhook receiver; retries often, so that its outage is long against them
        environment.put("WORKLANE_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1");
        environment.put("WORKLANE_WEBHOOKS_TIMEOUT", "PT3S");
        environment.put("WORKLANE_WEBHOOKS_LEASE", "PT10S");
        environment.put("WORKLANE_WEBHOOKS_FIRSTRETRYAFTER", "PT1S");
        environment.put("WORKLANE_WEBHOOKS_MAXRETRYINTERVAL", "PT4S");
        environment.put("WORKLANE_WEBHOOKS_MAXATTEMPTS", "1000");
        return environment;
    }

    private static int completed(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM work_item WHERE source_system = ? AND state = 'COMPLETED'",
                Integer.class, SOURCE);
    }

    private static long activationsBetween(Map<String, Instant> activationByItem, Instant from, Instant to) {
        return activationByItem.values().stream().filter(at -> !at.isBefore(from) && at.isBefore(to)).count();
    }

    /** How long after its activation date each scheduled item was queued, at worst; every one must have been. */
    private static long maxActivationLatenessMs(JdbcTemplate jdbc, Map<String, Instant> activationByItem) {
        long worst = 0;
        for (Map.Entry<String, Instant> item : activationByItem.entrySet()) {
            List<java.sql.Timestamp> queued = jdbc.queryForList("SELECT MIN(occurred_at) FROM work_item_event "
                    + "WHERE work_item_id = ? AND type = 'QUEUED'", java.sql.Timestamp.class, item.getKey());
            assertThat(queued.get(0)).as("item %s queued after its activation", item.getKey()).isNotNull();
            worst = Math.max(worst, Duration.between(item.getValue(), queued.get(0).toInstant()).toMillis());
        }
        return worst;
    }

    private static Map<String, Integer> capacities(List<SimulatedAgent> agents) {
        Map<String, Integer> capacities = new LinkedHashMap<>();
        agents.forEach(agent -> capacities.put(agent.id(), CAPACITY));
        return capacities;
    }

    private static void report(Map<String, Object> counts, List<SimulatedAgent> agents) throws Exception {
        StringBuilder text = new StringBuilder();
        counts.forEach((name, value) -> text.append("cluster.").append(name).append('=').append(value).append('\n'));
        agents.forEach(agent -> text.append("cluster.agent ").append(agent).append('\n'));
        System.out.print(text);
        Path out = Path.of("target", "cluster");
        Files.createDirectories(out);
        Files.writeString(out.resolve("fault-test-counts.txt"), text);
    }
}
