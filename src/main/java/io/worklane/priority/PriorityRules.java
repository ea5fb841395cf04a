package io.worklane.priority;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Reads priority schemas and business calendars from the latest deployed {@code decisions/priority-schema.dmn}
 * and {@code decisions/business-calendar.dmn}, so that a process owner's redeployment applies to the next step
 * of every running item. Evaluated through the engine's DMN engine and deployment cache, not the decision
 * service: a reprioritization step is no audit-worthy decision of its own, and must not write history rows.
 * What a name's rows parse to is kept per deployed decision version: every call still asks which version is the
 * latest (one indexed lookup), and evaluates the tables again only when that changed.
 */
@Component
class PriorityRules {

    static final String SCHEMA_DECISION = "priority-schema";
    static final String BOOST_DECISION = "priority-boost";
    static final String CALENDAR_DECISION = "business-calendar";

    private final ProcessEngineConfigurationImpl engine;
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    /** A name's schema or calendar, and the ids of the decision versions it was read from. */
    private record Parsed(List<String> decisionIds, Object value) {
    }

    PriorityRules(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    PrioritySchema schema(String name) {
        return latest(name, decisions -> {
            Map<String, Object> row = namedRow(decisions.get(0), "prioritySchema", name, "priority schema",
                    "priority-schema.dmn");
            try {
                List<BoostWindow> windows = evaluate(decisions.get(1), "prioritySchema", name).stream()
                    .map(PriorityRules::boostWindow)
                    .toList();
                return new PrioritySchema(name, integer(row, "initialPriority"), integer(row, "increment"),
                        durations((String) row.get("stepInterval")), integer(row, "priorityAtDue"),
                        integer(row, "overduePriority"), windows);
            }
            catch (RuntimeException e) {
                throw new IllegalStateException("Priority schema '" + name + "' in decisions/priority-schema.dmn is "
                        + "unusable: " + e.getMessage(), e);
            }
        }, SCHEMA_DECISION, BOOST_DECISION);
    }

    BusinessCalendar calendar(String name) {
        return latest(name, decisions -> {
            Map<String, Object> row = namedRow(decisions.get(0), "businessCalendar", name, "business calendar",
                    "business-calendar.dmn");
            return BusinessCalendar.parse(name, (String) row.get("timeZone"), (String) row.get("workingHours"),
                    (String) row.get("holidays"));
        }, CALENDAR_DECISION);
    }

    @SuppressWarnings("unchecked")
    private <T> T latest(String name, Function<List<DmnDecision>, T> parse, String... decisionKeys) {
        List<DmnDecision> decisions = engine.getCommandExecutorTxRequired().execute(commandContext -> {
            var cache = commandContext.getProcessEngineConfiguration().getDeploymentCache();
            // the deployment cache's entity is the parsed decision itself
            return Arrays.stream(decisionKeys)
                .map(key -> (DmnDecision) cache.findDeployedLatestDecisionDefinitionByKey(key))
                .toList();
        });
        List<String> ids = decisions.stream().map(decision -> ((DecisionDefinitionEntity) decision).getId()).toList();
        String key = String.join(",", decisionKeys) + "/" + name;
        Parsed known = parsed.get(key);
        if (known != null && known.decisionIds().equals(ids)) {
            return (T) known.value();
        }
        T value = parse.apply(decisions);
        parsed.put(key, new Parsed(ids, value));
        return value;
    }

    /** The row of a UNIQUE table for a name that service-level.dmn gave; a missing one is the rules' mistake. */
    private Map<String, Object> namedRow(DmnDecision decision, String input, String name, String what, String file) {
        List<Map<String, Object>> rows = evaluate(decision, input, name);
        if (rows.isEmpty()) {
            throw new IllegalStateException("No " + what + " '" + name + "' in decisions/" + file + " (decision '"
                    + decision.getKey() + "'), which service-level.dmn names");
        }
        return rows.get(0);
    }

    private List<Map<String, Object>> evaluate(DmnDecision decision, String input, String value) {
        return engine.getDmnEngine()
            .evaluateDecisionTable(decision, Variables.createVariables().putValue(input, value))
            .getResultList();
    }

    private static BoostWindow boostWindow(Map<String, Object> row) {
        String anchor = (String) row.get("anchor");
        if (anchor == null) {
            throw new IllegalArgumentException("a boost window needs an anchor, 'capture' or 'due'");
        }
        BoostWindow.Anchor parsed = switch (anchor.trim().toLowerCase(Locale.ROOT)) {
            case "capture" -> BoostWindow.Anchor.CAPTURE;
            case "due" -> BoostWindow.Anchor.DUE;
            default -> throw new IllegalArgumentException("boost anchor '" + anchor + "' is neither 'capture' nor 'due'");
        };
        Integer boost = integer(row, "boost");
        return new BoostWindow(parsed, duration((String) row.get("from")), duration((String) row.get("until")),
                boost == null ? 0 : boost);
    }

    private static List<Duration> durations(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(PriorityRules::duration).toList();
    }

    private static Duration duration(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a duration is missing");
        }
        try {
            return Duration.parse(text.trim());
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is no ISO-8601 duration such as PT1H or P6D");
        }
    }

    private static Integer integer(Map<String, Object> row, String key) {
        Object value = row.get(key);
        return value == null ? null : ((Number) value).intValue();
    }
}
