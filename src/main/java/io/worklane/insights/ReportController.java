package io.worklane.insights;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.worklane.security.Caller;
import io.worklane.security.Supervision;
import io.worklane.web.Problems;

/**
 * {@code /api/reports}: the report definitions, the live wallboard figures, every historical report as JSON or CSV
 * ({@code Accept: text/csv} or {@code format=csv}), and the facts' rebuild. Supervisors see their departments'
 * figures and agents; administrators and all-department supervisors everything.
 */
@RestController
class ReportController {

    private static final int MAX_DAYS = 400;
    private static final int MAX_INTERVAL_DAYS = 31;
    /** Dates a report may name: the facts' era, not the year 999999999. */
    private static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);

    private final HistoricalReports historical;
    private final TaskReports tasks;
    private final LiveReports live;
    private final FactRebuild rebuild;
    private final Supervision supervision;
    private final InsightsProperties properties;
    private final Clock clock;

    ReportController(HistoricalReports historical, TaskReports tasks, LiveReports live, FactRebuild rebuild,
            Supervision supervision, InsightsProperties properties, Clock clock) {
        this.historical = historical;
        this.tasks = tasks;
        this.live = live;
        this.rebuild = rebuild;
        this.supervision = supervision;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/reports")
    @Operation(summary = "The historical reports: what each groups by, its columns and its chart")
    List<Map<String, Object>> definitions() {
        return Arrays.stream(Report.values()).map(ReportController::definition).toList();
    }

    @GetMapping("/api/reports/live/queue")
    @Operation(summary = "Queue Activity now, per department and process, with the KPI targets for today")
    Map<String, Object> liveQueue() {
        return live.queue(lowerCase(supervision.departmentsOf(Caller.current())));
    }

    @GetMapping("/api/reports/live/agents")
    @Operation(summary = "Agent Activity now: state, reason, time in state and today's figures per agent")
    Map<String, Object> liveAgents() {
        Caller caller = Caller.current();
        return live.agents(agent -> supervision.supervisesPerson(caller, agent));
    }

    @PostMapping("/api/reports/facts/rebuild")
    @Operation(summary = "Administrators: throw the facts away and fold the whole event log and presence history again")
    FactRebuild.Outcome rebuild() {
        return rebuild.rebuild();
    }

    @GetMapping("/api/reports/{id}")
    @Operation(summary = "A historical report over [from, to] (local dates in the report zone, to inclusive) by day, "
            + "by 15-minute interval or over the whole range (grain=total), filtered by department, process, segment, "
            + "sourceSystem, mediaType and agent; CSV with Accept: text/csv or format=csv")
    ResponseEntity<?> report(@PathVariable String id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "day") String grain,
            @RequestParam Map<String, String> parameters, @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Report report = Report.byId(id);
        if (report == null) {
            throw Problems.notFound("report", id);
        }
        ZoneId zone = properties.zone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate first = date("from", from, today.minusDays(6), today);
        LocalDate last = date("to", to, today, today);
        if (last.isBefore(first)) {
            throw Problems.invalid("'to' (" + last + ") is before 'from' (" + first + ").");
        }
        Grain rows = grain(grain);
        long days = last.toEpochDay() - first.toEpochDay() + 1;
        if (days > (rows == Grain.INTERVAL ? MAX_INTERVAL_DAYS : MAX_DAYS)) {
            throw Problems.invalid("A report " + (rows == Grain.INTERVAL ? "by interval" : "") + " covers at most "
                    + (rows == Grain.INTERVAL ? MAX_INTERVAL_DAYS : MAX_DAYS) + " days; this one asks for " + days + ".");
        }
        Caller caller = Caller.current();
        Map<Dimension, String> filters = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            String value = parameters.get(dimension.key());
            if (value != null && !value.isBlank()) {
                filters.put(dimension, value.trim());
            }
        }
        if (filters.containsKey(Dimension.AGENT) && !report.perAgent() && !report.readsItems()) {
            throw Problems.invalid("'agent' filters the reports per agent and the task reports; " + report.title()
                    + " counts items, not an agent's part in them.");
        }
        if ((report.perAgent() || filters.containsKey(Dimension.AGENT)) && (filters.containsKey(Dimension.SEGMENT)
                || filters.containsKey(Dimension.SOURCE_SYSTEM) || filters.containsKey(Dimension.MEDIA_TYPE))) {
            throw Problems.invalid("Figures per agent are kept by department and process only: leave segment, source "
                    + "system and media type empty when a report is per agent or filtered by agent.");
        }
        Set<String> departments = lowerCase(supervision.departmentsOf(caller));
        boolean aboutAgents = report.perAgent() || report == Report.TASK_WORK_DETAIL || filters.containsKey(Dimension.AGENT);
        Set<String> agents = departments == null || !aboutAgents ? null : visibleAgents(caller, filters.get(Dimension.AGENT));
        ReportQuery query = new ReportQuery(report, first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant(), rows, filters, departments, agents);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("report", definition(report));
        body.put("from", first.toString());
        body.put("to", last.toString());
        body.put("grain", grain);
        body.put("zone", zone.getId());
        if (report.readsItems()) {
            List<Map<String, Object>> items = report == Report.TASK_DETAIL ? tasks.detail(query) : tasks.workDetail(query);
            body.put("rows", items);
            body.put("truncated", tasks.truncated(query));
            body.put("chart", null);
        }
        else {
            body.putAll(historical.run(query));
        }
        if ("csv".equalsIgnoreCase(format) || accept != null && accept.contains("text/csv")) {
            return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + "_" + first + "_" + last + ".csv\"")
                .body(csv(report, rows, body));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** The agents a department supervisor may see in per-agent figures: those they supervise who have worked. */
    private Set<String> visibleAgents(Caller caller, String agent) {
        return live.agentIds().stream().filter(id -> agent == null || agent.equals(id))
            .filter(id -> supervision.supervisesPerson(caller, id)).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static String csv(Report report, Grain grain, Map<String, Object> body) {
        List<String> header = new ArrayList<>();
        if (report.readsItems()) {
            TaskReports.columnsOf(report).forEach(column -> header.add(column.key()));
        }
        else {
            if (grain != null) {
                header.add("period");
            }
            report.dimensions().forEach(dimension -> header.add(dimension.key()));
            report.columns().forEach(column -> header.add(column.key()));
            header.add("kpis");
        }
        return ReportCsv.write(header, (List<Map<String, Object>>) body.get("rows"));
    }

    private static Map<String, Object> definition(Report report) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("id", report.id());
        definition.put("name", report.title());
        definition.put("description", report.description());
        definition.put("dimensions", report.dimensions().stream().map(Dimension::key).toList());
        definition.put("columns", report.readsItems()
                ? TaskReports.columnsOf(report)
                : report.columns().stream().map(c -> new TaskReports.ColumnView(c.key(), c.label(), c.unit())).toList());
        definition.put("chart", report.chartType() == null ? null
                : Map.of("type", report.chartType(), "series", report.charted().stream().map(Column::key).toList()));
        return definition;
    }

    private static LocalDate date(String name, String value, LocalDate otherwise, LocalDate today) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        }
        catch (DateTimeParseException e) {
            throw Problems.invalid("'" + name + "' must be a date like 2026-12-04, not '" + value + "'.");
        }
        if (date.isBefore(FIRST_DATE) || date.isAfter(today.plusYears(1))) {
            throw Problems.invalid("'" + name + "' must lie between " + FIRST_DATE + " and a year from today, not " + date
                    + ".");
        }
        return date;
    }

    /** Department names compare without case, as in the queue (QueueSearch). */
    private static Set<String> lowerCase(Set<String> departments) {
        return departments == null ? null
                : departments.stream().map(d -> d.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toSet());
    }

    /** @return null for one row per group over the whole range */
    private static Grain grain(String grain) {
        return switch (grain) {
            case "day" -> Grain.DAY;
            case "interval" -> Grain.INTERVAL;
            case "total" -> null;
            default -> throw Problems.invalid("'grain' is day, interval or total, not '" + grain + "'.");
        };
    }
}
