package io.worklane.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/**
 * Every historical report over {@link ScriptedDay}, three days ago, against figures computed by hand from the script
 * (the report zone is UTC here); folding live and rebuilding from the log give the same facts.
 */
class ReportsIntegrationTests extends PostgresIntegrationTest {

    private final LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);

    @Autowired
    private FactFolder folder;

    @Autowired
    private FactRebuild rebuild;

    private ScriptedDay script;

    @BeforeEach
    void writeTheDay() {
        script = new ScriptedDay(jdbc, day);
        script.write();
        Folding.foldEverything(folder, jdbc);
    }

    @Test
    void intradayProcessCountsTheDayAndItsServiceLevel() {
        JsonNode sales = row(report("intraday-process", "grain=day"), day, "department", "Sales");
        assertThat(sales.path("new").asLong()).isEqualTo(12);
        assertThat(sales.path("completed").asLong()).isEqualTo(10);
        assertThat(sales.path("completedWithinSla").asLong()).isEqualTo(7);
        assertThat(sales.path("completedOverdue").asLong()).isEqualTo(3);
        assertThat(sales.path("serviceLevel").asDouble()).isEqualTo(0.7, within(1e-9));
        assertThat(sales.path("backlog").asLong()).isEqualTo(2);
        // 08:00 + i -> 09:16 + i
        assertThat(sales.path("averageFinishSeconds").asLong()).isEqualTo(76 * 60);
        assertThat(sales.path("p90FinishSeconds").asDouble()).isCloseTo(76 * 60, within(76 * 60 * 0.2));
        assertThat(sales.path("averageHandleSeconds").asLong()).isEqualTo(600);
        assertThat(kpi(sales, "Every queue: 80 % completed within SLA")).isEqualTo("MISSED");
        assertThat(sales.path("kpis").findValuesAsText("kpi")).as("only the report's own columns").doesNotContain(
                "backlogOverDay", "averageAcceptSeconds");
    }

    @Test
    void theBacklogCarriesOverAndComesOfAgeAfterADay() {
        JsonNode answer = get(supervisor(), "/api/reports/intraday-backlog?from=" + day + "&to=" + day.plusDays(1)
                + "&grain=day&department=Sales");
        JsonNode first = row(answer, day, "department", "Sales");
        JsonNode next = row(answer, day.plusDays(1), "department", "Sales");
        assertThat(first.path("backlog").asLong()).isEqualTo(2);
        assertThat(first.path("backlogOverDay").asLong()).isZero();
        assertThat(kpi(first, "Nothing open longer than 24 hours")).isEqualTo("MET");
        assertThat(next.path("backlog").asLong()).isEqualTo(2);
        assertThat(next.path("backlogOverDay").asLong()).isEqualTo(2);
        // open since 10:00 on the day, read at the end of the next: 38 hours
        assertThat(next.path("backlogAverageAgeSeconds").asLong()).isEqualTo(38 * 3600);
        assertThat(kpi(next, "Nothing open longer than 24 hours")).isEqualTo("MISSED");
    }

    @Test
    void aQueueWithNoChangeInTheRangeStillShowsItsBacklog() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode answer = get(supervisor(), "/api/reports/intraday-backlog?from=" + today + "&to=" + today + "&grain=total");
        JsonNode sales = row(answer, null, "department", "Sales");
        assertThat(sales.path("backlog").asLong()).isEqualTo(2);
        assertThat(sales.path("backlogOverDay").asLong()).isEqualTo(2);
        assertThat(answer.path("totals").path("backlog").asLong()).isEqualTo(2);
    }

    @Test
    void queueReportsCountOffersAnswersWaitsAndPriorities() {
        JsonNode queue = row(report("queue-activity", "grain=day"), day, "department", "Sales");
        assertThat(queue.path("queued").asLong()).isEqualTo(14);
        assertThat(queue.path("offered").asLong()).isEqualTo(12);
        assertThat(queue.path("accepted").asLong()).isEqualTo(10);
        assertThat(queue.path("declined").asLong()).isEqualTo(1);
        assertThat(queue.path("rona").asLong()).isEqualTo(1);
        // 61 min for eight items; item 9 queued again at 08:31 and taken at 09:10, item 8 at 08:41 and 09:09
        assertThat(queue.path("averageAcceptSeconds").asLong()).isEqualTo((8 * 3660 + 2340 + 1680) / 10);
        JsonNode priorities = row(report("queue-priority-range", "grain=day"), day, "department", "Sales");
        assertThat(priorities.path("priorityMin").asInt()).isEqualTo(5);
        assertThat(priorities.path("priorityMax").asInt()).isEqualTo(19);
        // queued: 145 + 19 + 18 + 5 + 5, offered: 145 + 19 + 18, over 26 events
        assertThat(priorities.path("priorityAverage").asLong()).isEqualTo(Math.round(374 / 26.0));
        JsonNode durations = row(report("queue-task-duration", "grain=total"), null, "department", "Sales");
        assertThat(durations.path("averageHandleSeconds").asLong()).isEqualTo(600);
        assertThat(durations.path("done").asLong()).isEqualTo(10);
    }

    @Test
    void resourcePerformanceAndAgentActivityShowWorkAndPresence() {
        JsonNode answer = report("resource-performance", "grain=total");
        JsonNode alice = row(answer, null, "agent", "alice");
        assertThat(alice.path("offered").asLong()).isEqualTo(10);
        assertThat(alice.path("done").asLong()).isEqualTo(10);
        assertThat(alice.path("averageHandleSeconds").asLong()).isEqualTo(600);
        // READY 08:55-12:00 and 12:30-17:00, NOT_READY (Lunch) 12:00-12:30
        assertThat(alice.path("readySeconds").asLong()).isEqualTo(11100 + 16200);
        assertThat(alice.path("notReadySeconds").asLong()).isEqualTo(1800);
        assertThat(alice.path("notReadySecondsByReason").path("Lunch").asLong()).isEqualTo(1800);
        assertThat(alice.path("occupancy").asDouble()).isEqualTo(6000.0 / 29100, within(1e-9));
        JsonNode bob = row(answer, null, "agent", "bob");
        assertThat(bob.path("offered").asLong()).isEqualTo(2);
        assertThat(bob.path("declined").asLong()).isEqualTo(1);
        assertThat(bob.path("rona").asLong()).isEqualTo(1);
        JsonNode byInterval = report("agent-activity", "grain=interval&agent=alice");
        // 12:00-12:15 and 12:15-12:30 are the lunch
        JsonNode lunch = byInterval.path("rows").findParents("period").stream()
            .filter(r -> r.path("period").asText().equals(script.at(12, 15).toString())).findFirst().orElseThrow();
        assertThat(lunch.path("notReadySeconds").asLong()).isEqualTo(900);
    }

    @Test
    void segmentAndCapturePointReportsAndTheirTargets() {
        JsonNode gold = row(report("customer-segment-service-level", "grain=day&department=Sales"), day, "segment", "Gold");
        assertThat(gold.path("new").asLong()).isEqualTo(12);
        assertThat(gold.path("serviceLevel").asDouble()).isEqualTo(0.7, within(1e-9));
        assertThat(gold.path("completionRate").asDouble()).isEqualTo(10 / 12.0, within(1e-9));
        assertThat(kpi(gold, "Sales, Gold: 90 % completed within SLA")).isEqualTo("MISSED");
        JsonNode crm = row(report("capture-point-business-value", "grain=day"), day, "sourceSystem", "crm");
        assertThat(crm.path("valueCaptured").decimalValue()).isEqualByComparingTo("1100");
        assertThat(crm.path("valueCompleted").decimalValue()).isEqualByComparingTo("1000");
        JsonNode duration = row(report("capture-point-task-duration", "grain=day"), day, "sourceSystem", "crm");
        assertThat(duration.path("averageFinishSeconds").asLong()).isEqualTo(76 * 60);
        JsonNode volume = row(report("process-volume", "grain=day"), day, "department", "Sales");
        assertThat(volume.path("new").asLong()).isEqualTo(12);
        assertThat(volume.path("queued").asLong()).isEqualTo(14);
        assertThat(volume.path("canceled").asLong()).isZero();
    }

    @Test
    void taskDetailAndTaskWorkDetailFollowEachItem() {
        JsonNode detail = report("task-detail", "");
        assertThat(detail.path("rows")).hasSize(12);
        JsonNode late = item(detail, "day-7");
        assertThat(late.path("withinSla").asText()).isEqualTo("no");
        assertThat(late.path("finishSeconds").asLong()).isEqualTo(76 * 60);
        assertThat(item(detail, "day-9").path("offers").asLong()).isEqualTo(2);
        assertThat(item(detail, "day-9").path("agents").asLong()).isEqualTo(2);
        JsonNode missed = item(detail, "day-8");
        assertThat(missed.path("rona").asLong()).isEqualTo(1);
        assertThat(missed.path("firstQueuedAt").asText()).as("queued again after the RONA; the first counts")
            .isEqualTo(script.at(8, 8).toString());
        assertThat(missed.path("firstTakenAt").asText()).isEqualTo(script.at(9, 9).toString());
        List<JsonNode> parts = report("task-work-detail", "").path("rows").findParents("itemId").stream()
            .filter(part -> part.path("itemId").asText().equals("day-9")).toList();
        assertThat(parts).extracting(part -> part.path("agent").asText() + ":" + part.path("outcome").asText())
            .containsExactly("bob:DECLINED", "alice:DONE");
        assertThat(parts.get(0).path("waitSeconds").asLong()).as("queued 08:09, offered 08:30").isEqualTo(21 * 60);
        assertThat(parts.get(1).path("waitSeconds").asLong()).isEqualTo(38 * 60);
        assertThat(parts.get(1).path("workSeconds").asLong()).isEqualTo(600);
    }

    @Test
    void aSupervisorSeesOnlyTheirDepartmentsAndTheirAgents() {
        department("Finance", "Finance");
        ApiClient finance = member("fiona", "supervisors", "Finance");
        JsonNode answer = get(finance, "/api/reports/intraday-process?from=" + day + "&to=" + day + "&grain=day");
        assertThat(answer.path("rows")).isEmpty();
        assertThat(get(finance, "/api/reports/resource-performance?from=" + day + "&to=" + day).path("rows")).isEmpty();
        assertThat(get(finance, "/api/reports/task-detail?from=" + day + "&to=" + day).path("rows")).isEmpty();
        ApiClient.Response agent = as("alice", "agents").get("/api/reports/intraday-process");
        assertThat(agent.status()).isEqualTo(403);
    }

    @Test
    void aReportAsCsvHasAHeaderAndARowPerGroup() {
        String csv = supervisor().getText("/api/reports/intraday-process?from=" + day + "&to=" + day
                + "&grain=day&department=Sales", MediaType.parseMediaType("text/csv"));
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("200");
        assertThat(lines.get(1)).startsWith("period,department,process,new,completed");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).contains(",Sales,Leads,12,10,7,3,0.7,");

        jdbc.update("UPDATE work_item SET external_id = '=HYPERLINK(\"http://evil\")' WHERE id = 'day-0'");
        String items = supervisor().getText("/api/reports/task-detail?from=" + day + "&to=" + day,
                MediaType.parseMediaType("text/csv"));
        assertThat(items).as("a source's text is never a formula").contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
    }

    @Test
    void wrongParametersAreRefusedInWords() {
        assertThat(supervisor().get("/api/reports/nothing").status()).isEqualTo(404);
        ApiClient.Response backwards = supervisor().get("/api/reports/intraday-process?from=2026-12-04&to=2026-12-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.text("detail")).contains("before");
        assertThat(supervisor().get("/api/reports/intraday-process?grain=hour").text("detail")).contains("grain");
        assertThat(supervisor().get("/api/reports/intraday-process?from=yesterday").status()).isEqualTo(400);
        assertThat(supervisor().get("/api/reports/intraday-process?from=+999999999-12-31&to=+999999999-12-31").status())
            .isEqualTo(400);
        assertThat(supervisor().get("/api/reports/intraday-process?agent=alice").text("detail")).contains("agent");
        assertThat(supervisor().get("/api/reports/resource-performance?segment=Gold").status()).isEqualTo(400);
        assertThat(supervisor().get("/api/reports/intraday-process?grain=interval&from=2026-01-01&to=2026-03-01")
            .status()).as("by interval: a month at most").isEqualTo(400);
    }

    /**
     * A second scripted day in the middle of a month wholly inside the range: the totals read that month's row and
     * the days around it, and add up to the two days, per department and per agent.
     */
    @Test
    void aTotalOverWholeMonthsAddsUpTheDaysInThem() {
        LocalDate earlier = day.withDayOfMonth(15).minusMonths(2);
        new ScriptedDay(jdbc, earlier, "earlier-").writeItems();
        Folding.foldEverything(folder, jdbc);
        String range = "?from=" + earlier.minusMonths(1) + "&to=" + day + "&grain=total";
        assertThat(count("SELECT COUNT(*) FROM report_fact WHERE grain = 'M' AND period_start = ?",
                java.sql.Timestamp.from(earlier.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant())))
            .as("the earlier day's month has its rows").isPositive();

        JsonNode sales = row(get(supervisor(), "/api/reports/intraday-process" + range), null, "department", "Sales");
        assertThat(sales.path("new").asLong()).isEqualTo(24);
        assertThat(sales.path("completed").asLong()).isEqualTo(20);
        assertThat(sales.path("completedOverdue").asLong()).isEqualTo(6);
        assertThat(sales.path("serviceLevel").asDouble()).isEqualTo(0.7, within(1e-9));
        assertThat(sales.path("backlog").asLong()).isEqualTo(4);
        assertThat(sales.path("averageHandleSeconds").asLong()).isEqualTo(600);

        JsonNode alice = row(get(supervisor(), "/api/reports/resource-performance" + range), null, "agent", "alice");
        assertThat(alice.path("offered").asLong()).isEqualTo(20);
        assertThat(alice.path("readySeconds").asLong()).as("the earlier day has no presence").isEqualTo(11100 + 16200);
        assertThat(alice.path("p90HandleSeconds").asDouble()).isCloseTo(600, within(600 * 0.2));

        JsonNode afterwards = row(get(supervisor(), "/api/reports/intraday-backlog?from=" + day.minusDays(1) + "&to="
                + day.minusDays(1) + "&grain=day&department=Sales"), day.minusDays(1), "department", "Sales");
        assertThat(afterwards.path("backlog").asLong()).as("carried in from the month and the days after it")
            .isEqualTo(2);
    }

    @Test
    void aRebuildFromTheLogGivesTheFactsKeptLive() {
        List<String> live = facts();
        assertThat(live).isNotEmpty();
        assertThat(supervisor().post("/api/reports/facts/rebuild", null).status()).isEqualTo(403);
        group("camunda-admin", "Administrators", "SYSTEM");
        ApiClient.Response rebuilt = member("ada-reports", "camunda-admin").post("/api/reports/facts/rebuild", null);
        assertThat(rebuilt.status()).isEqualTo(200);
        assertThat(rebuilt.body().path("events").asLong()).isEqualTo(count("SELECT COUNT(*) FROM work_item_event"));
        assertThat(facts()).isEqualTo(live);
        assertThat(count("SELECT COUNT(*) FROM report_inbox")).isZero();
    }

    private List<String> facts() {
        return jdbc.queryForList("""
                SELECT CONCAT_WS('|', grain, period_start, department, process, customer_segment, source_system,
                                 agent_id, new_items, queued, offered, accepted, declined, rona, done, completed,
                                 completed_within_sla, backlog_change, backlog_since_change, backlog_day_old_change,
                                 handle_seconds, accept_seconds, finish_seconds, priority_min, priority_max, priority_sum,
                                 value_captured, value_completed)
                  FROM report_fact ORDER BY 1""", String.class);
    }

    private JsonNode report(String id, String query) {
        return get(supervisor(), "/api/reports/" + id + "?from=" + day + "&to=" + day + (query.isEmpty() ? "" : "&" + query));
    }

    private static JsonNode get(ApiClient client, String path) {
        ApiClient.Response response = client.get(path);
        assertThat(response.status()).as("%s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    private JsonNode row(JsonNode answer, LocalDate period, String dimension, String value) {
        for (JsonNode row : answer.path("rows")) {
            boolean inPeriod = period == null
                    || row.path("period").asText().equals(period.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
            if (inPeriod && row.path(dimension).asText().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row " + dimension + " = " + value + " on " + period + " in " + answer);
    }

    private static JsonNode item(JsonNode answer, String id) {
        for (JsonNode row : answer.path("rows")) {
            if (row.path("itemId").asText().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("no item " + id);
    }

    private static String kpi(JsonNode row, String label) {
        for (JsonNode kpi : row.path("kpis")) {
            if (kpi.path("label").asText().equals(label)) {
                return kpi.path("status").asText();
            }
        }
        throw new AssertionError("no KPI '" + label + "' in " + row);
    }
}
