package io.worklane.simulation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import io.worklane.agent.Agents;
import io.worklane.capture.WorkItemCapture;
import io.worklane.capture.WorkItemLifecycle;
import io.worklane.security.Caller;
import io.worklane.security.WorklaneGroups;
import io.worklane.workitem.WorkItemProcess;
import io.worklane.handling.Handling;
import io.worklane.routing.Offers;

/**
 * Runs one scenario through the real process, decisions and router: moves Camunda's clock from one planned event
 * or timer to the next, runs the jobs that are due and the routing they ask for, and lets the simulated agents
 * answer and finish what they are given. One thread; the same scenario gives the same day.
 */
@Component
@Profile(SimulationRun.PROFILE)
class VirtualDay {

    private static final Logger log = LoggerFactory.getLogger(VirtualDay.class);
    static final String SOURCE_SYSTEM = "simulation";
    private static final int BACKLOG_POINTS = 96;
    /** With {@code drain}, the clock stops this long after the arrivals end at the latest. */
    private static final Duration MAX_DRAIN = Duration.ofDays(7);
    /**
     * Jobs that may run (retries left, not suspended), read directly: the engine's job query maps whole entities,
     * and a day asks this tens of thousands of times. Every job has a due date (ensure-job-due-date-not-null).
     */
    private static final String NEXT_JOB_DUE = """
            SELECT DUEDATE_ FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1
             ORDER BY DUEDATE_, ID_ LIMIT 1
            """;
    /**
     * The run's own index for the two job reads above: a day leaves thousands of timers waiting (items awaiting
     * their source's confirmation, steps of queued items), and both are asked at every moment.
     */
    private static final String JOB_DUE_INDEX = "CREATE INDEX IF NOT EXISTS SIMULATION_JOB_DUE_IDX ON ACT_RU_JOB (DUEDATE_, ID_)";
    private static final String UNFINISHED = """
            SELECT COUNT(*) FROM work_item WHERE state IN ('CAPTURED', 'SCHEDULED', 'QUEUED', 'OFFERED', 'IN_PROGRESS')
            """;
    private static final String READY_AGENTS = "SELECT COUNT(*) FROM agent WHERE presence = 'READY'";
    /** Jobs at one instant beyond which the models are taken to loop without waiting. */
    private static final int MAX_JOBS_AT_ONE_INSTANT = 200_000;
    private static final String JOBS_DUE = """
            SELECT ID_ FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1 AND DUEDATE_ <= ?
             ORDER BY DUEDATE_, ID_ LIMIT 100
            """;

    private final ManagementService managementService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final WorkItemCapture capture;
    private final WorkItemLifecycle lifecycle;
    private final Agents agents;
    private final Offers offers;
    private final Handling handling;
    private final DeferredRouting routing;
    private final TaskWatch tasks;
    private final JdbcTemplate jdbc;

    VirtualDay(ManagementService managementService, RepositoryService repositoryService,
            IdentityService identityService, WorkItemCapture capture, WorkItemLifecycle lifecycle, Agents agents,
            Offers offers, Handling handling, DeferredRouting routing, TaskWatch tasks, JdbcTemplate jdbc) {
        this.managementService = managementService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.capture = capture;
        this.lifecycle = lifecycle;
        this.agents = agents;
        this.offers = offers;
        this.handling = handling;
        this.routing = routing;
        this.tasks = tasks;
        this.jdbc = jdbc;
    }

    /** A planned happening: an arrival, an agent's change or action. */
    private record Planned(Instant at, long order, Runnable action) {
    }

    private final PriorityQueue<Planned> plan = new PriorityQueue<>(
            Comparator.comparing(Planned::at).thenComparingLong(Planned::order));
    private long planned;
    private DayLog day;
    private Scenario scenario;
    private RandomStreams random;
    private SimulatedAgents roster;
    private final Map<String, Double> handleQuantiles = new HashMap<>();
    private final Map<String, Double> recordedHandleSeconds = new HashMap<>();
    private int openItems;
    private int arrivalsLeft;

    /**
     * @param candidateModels deployed after the scenario's models (the deployed set), so that they are the latest
     */
    DayLog run(Scenario scenario, Map<String, String> candidateModels) {
        this.scenario = scenario;
        this.day = new DayLog();
        day.start = scenario.start();
        this.random = new RandomStreams(scenario.seed());
        ClockUtil.setCurrentTime(Date.from(scenario.start()));
        jdbc.execute(JOB_DUE_INDEX);
        deploy("deployed models", scenario.models());
        deploy("candidate models", candidateModels);
        List<Arrival> arrivals = Arrival.of(scenario, random);
        arrivalsLeft = arrivals.size();
        arrivals.forEach(arrival -> at(arrival.at(), () -> arrive(arrival)));
        roster = new SimulatedAgents(agents, identityService, jdbc, day, random, this::at);
        roster.planDay(scenario);
        Instant limit = scenario.drain() ? scenario.end().plus(MAX_DRAIN) : scenario.end();
        Duration sampleEvery = Duration.ofSeconds(Math.max(60, scenario.length().toSeconds() / BACKLOG_POINTS));
        Instant nextSample = scenario.start();
        while (true) {
            Instant next = nextMoment();
            if (next == null || next.isAfter(limit) || scenario.drain() && arrivalsLeft == 0 && nothingLeftToDo()) {
                break;
            }
            while (!nextSample.isAfter(next) && !nextSample.isAfter(limit)) {
                sampleBacklog(nextSample);
                nextSample = nextSample.plus(sampleEvery);
            }
            ClockUtil.setCurrentTime(Date.from(next));
            while (!plan.isEmpty() && !plan.peek().at().isAfter(next)) {
                plan.poll().action().run();
                settle();
            }
            settle();
        }
        Instant now = ClockUtil.now().toInstant();
        // a drained day lasts at least the scenario's length: both runs of a comparison measure as long
        Instant end = scenario.drain() && now.isAfter(scenario.end()) ? now : scenario.end();
        while (!nextSample.isAfter(end)) {
            sampleBacklog(nextSample);
            nextSample = nextSample.plus(sampleEvery);
        }
        day.end = end;
        return day;
    }

    /**
     * What a drained day waits for: every item done or ended otherwise (rejected by the process, canceled), or
     * nothing left that could serve the rest (no agent ready and none planned to come).
     */
    private boolean nothingLeftToDo() {
        return openItems == 0 || jdbc.queryForObject(UNFINISHED, Integer.class) == 0
                || plan.isEmpty() && jdbc.queryForObject(READY_AGENTS, Integer.class) == 0;
    }

    /** The earliest planned event or job due date. */
    private Instant nextMoment() {
        Instant nextPlanned = plan.isEmpty() ? null : plan.peek().at();
        List<Timestamp> firstDue = jdbc.queryForList(NEXT_JOB_DUE, Timestamp.class);
        Instant nextJob = firstDue.isEmpty() ? null : firstDue.get(0).toInstant();
        if (nextJob != null && nextJob.isBefore(ClockUtil.now().toInstant())) {
            nextJob = ClockUtil.now().toInstant();
        }
        if (nextPlanned == null) {
            return nextJob;
        }
        return nextJob == null || nextPlanned.isBefore(nextJob) ? nextPlanned : nextJob;
    }

    /** Runs the due jobs and the routing they ask for until nothing is left at this instant; then the agents act. */
    private void settle() {
        boolean more = true;
        int jobs = 0;
        while (more) {
            routing.runPending();
            List<String> due = jdbc.queryForList(JOBS_DUE, String.class, ClockUtil.now());
            jobs += due.size();
            if (jobs > MAX_JOBS_AT_ONE_INSTANT) {
                throw new IllegalStateException("At " + ClockUtil.now().toInstant() + " the models ran "
                        + MAX_JOBS_AT_ONE_INSTANT + " jobs without the clock moving: a loop without a wait?");
            }
            for (String job : due) {
                try {
                    managementService.executeJob(job);
                }
                catch (RuntimeException e) {
                    day.failedJobs++;
                    log.debug("Job {} failed at {}", job, ClockUtil.now(), e);
                }
                routing.runPending();
            }
            more = !due.isEmpty();
            // the agents' answers and choices are planned, never taken at once: nothing more to run now
            tasks.take().forEach(this::onTask);
        }
    }

    private void onTask(TaskWatch.AgentTask task) {
        DayLog.Item item = day.items.get(task.itemId());
        if (item == null) {
            return;
        }
        Instant now = ClockUtil.now().toInstant();
        if (item.firstOfferAt == null) {
            item.firstOfferAt = now;
        }
        if (WorkItemProcess.ANSWER_OFFER_TASK.equals(task.taskKey())) {
            boolean missed = random.answers().nextDouble() < scenario.answering().missRate();
            double seconds = -scenario.answering().meanSeconds() * Math.log(1 - random.answers().nextDouble());
            if (missed || seconds * 1000 >= task.ronaTimeout().toMillis()) {
                // RONA: the process's timer takes the offer back and sets the agent NOT_READY; they come back
                // later (after the timer's instant: planned events run before the jobs due with them)
                day.missedOffers++;
                Duration away = scenario.answering().readyAgainAfter().isZero() ? Duration.ofMillis(1)
                        : scenario.answering().readyAgainAfter();
                roster.missedOffer(task.agentId(), now.plus(task.ronaTimeout()).plus(away));
            }
            else {
                at(now.plusNanos((long) (seconds * 1e9)), () -> act(() -> offers.answer(task.agentId(), item.id, true)));
            }
        }
        else if (WorkItemProcess.HANDLE_TASK.equals(task.taskKey())) {
            item.handlingSince = now;
            double seconds = handleSeconds(item.id);
            at(now.plusNanos((long) (seconds * 1e9)), () -> finish(item, task.agentId()));
        }
    }

    private void finish(DayLog.Item item, String agentId) {
        Instant now = ClockUtil.now().toInstant();
        if (act(() -> handling.markDone(agentId, item.id)) || completedBySource(item.id, agentId)) {
            double seconds = Duration.between(item.handlingSince, now).toNanos() / 1e9;
            item.handleSeconds += seconds;
            item.doneAt = now;
            item.doneBy = agentId;
            DayLog.AgentDay agent = day.agents.get(agentId);
            agent.itemsDone++;
            agent.handleSeconds += seconds;
            openItems--;
        }
    }

    /**
     * An item of a department whose agents may not mark items done (worklane.handling.mark-done-disabled-departments)
     * is completed by its source: the simulated source does so when its agent is through.
     */
    private boolean completedBySource(String itemId, String agentId) {
        Map<String, Object> row = jdbc.queryForMap("SELECT state, assignee FROM work_item WHERE id = ?", itemId);
        if (!"IN_PROGRESS".equals(row.get("state")) || !agentId.equals(row.get("assignee"))) {
            return false;
        }
        day.refusedAgentActions--; // not refused after all: the source completes it
        return act(() -> lifecycle.complete(itemId, new Caller(SOURCE_SYSTEM, Set.of(WorklaneGroups.SOURCE_SYSTEMS))));
    }

    /** An agent's answer or handling choice; refused when the process moved on meanwhile (e.g. RONA). */
    private boolean act(Runnable action) {
        try {
            action.run();
            return true;
        }
        catch (ErrorResponseException refused) {
            day.refusedAgentActions++;
            return false;
        }
    }

    private double handleSeconds(String itemId) {
        Double recorded = recordedHandleSeconds.get(itemId);
        if (recorded != null) {
            return recorded;
        }
        Map<String, Object> row = jdbc.queryForMap("SELECT department, request_type FROM work_item WHERE id = ?",
                itemId);
        String department = (String) row.get("department");
        String requestType = (String) row.get("request_type");
        return scenario.handleTimes().stream()
            .filter(handleTime -> handleTime.matches(department, requestType))
            .findFirst()
            .map(handleTime -> handleTime.distribution().quantile(handleQuantiles.get(itemId)))
            .orElseThrow(() -> new IllegalArgumentException("No handle time for department " + department
                    + " and request type " + requestType + ": add one to handleTimes (null matches any)."));
    }

    private void arrive(Arrival arrival) {
        arrivalsLeft--;
        Instant now = ClockUtil.now().toInstant();
        try {
            String id = capture.captureAs(SOURCE_SYSTEM, arrival.externalId(), arrival.item()).item().id();
            day.items.put(id, new DayLog.Item(id, now));
            handleQuantiles.put(id, arrival.handleQuantile());
            if (arrival.handleSeconds() != null) {
                recordedHandleSeconds.put(id, arrival.handleSeconds());
            }
            openItems++;
        }
        catch (ErrorResponseException refused) {
            String reason = refused.getBody().getTitle() + ": " + refused.getBody().getDetail();
            day.refusedCaptures.merge(reason, 1, Integer::sum);
        }
    }

    /** A process deploys with the application's forms, which its tasks find in their own deployment. */
    private void deploy(String name, Map<String, String> models) {
        if (models.isEmpty()) {
            return;
        }
        var deployment = repositoryService.createDeployment().name(name);
        models.forEach(deployment::addString);
        if (models.keySet().stream().anyMatch(file -> file.endsWith(".bpmn"))) {
            try {
                for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath:forms/*.form")) {
                    if (!models.containsKey(form.getFilename())) {
                        deployment.addInputStream(form.getFilename(), form.getInputStream());
                    }
                }
            }
            catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        deployment.deploy();
    }

    private void sampleBacklog(Instant at) {
        Map<String, Long> byState = new HashMap<>();
        jdbc.query("SELECT state, COUNT(*) FROM work_item GROUP BY state",
                row -> {
                    byState.put(row.getString(1), row.getLong(2));
                });
        long queued = byState.getOrDefault("QUEUED", 0L) + byState.getOrDefault("SCHEDULED", 0L)
                + byState.getOrDefault("CAPTURED", 0L);
        long withAgents = byState.getOrDefault("OFFERED", 0L) + byState.getOrDefault("IN_PROGRESS", 0L);
        day.backlog.add(new DayLog.BacklogPoint(at, queued, withAgents));
    }

    void at(Instant at, Runnable action) {
        plan.add(new Planned(at, planned++, action));
    }
}
