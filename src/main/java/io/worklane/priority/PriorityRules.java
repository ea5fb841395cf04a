package io.worklane.priority;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import io.worklane.models.LatestDecisions;

/**
 * Reads priority schemas and business calendars from the latest deployed {@code decisions/priority-schema.dmn}
 * and {@code decisions/business-calendar.dmn}, so that a process owner's redeployment applies to the next step
 * of every running item. Evaluated through the engine's DMN engine and deployment cache, not the decision
 * service: a reprioritization step is no audit-worthy decision of its own, and must not write history rows.
 * What a name's rows parse to is kept per deployed decision version: every call asks which version is the latest
 * ({@link LatestDecisions}: at once after a deployment on this node, within a second of one on another), and
 * evaluates the tables again only when that changed. A schema's rows may also read
 * the item ({@link RuleInputs}: deal value, subproduct, custom attributes, ...): then what they parse to is kept per
 * value of the variables its input columns name, for the most recent {@value #ITEM_KEYS} such values.
 */
@Component
class PriorityRules {

    static final String SCHEMA_DECISION = "priority-schema";
    static final String BOOST_DECISION = "priority-boost";
    static final String CALENDAR_DECISION = "business-calendar";

    /** How many (schema, item values) a schema that reads item values keeps parsed. */
    static final int ITEM_KEYS = 2000;

    /** The inputs that only name the schema or calendar: what the rows test besides is item data. */
    private static final Set<String> NAMES = Set.of("prioritySchema", "businessCalendar");

    /** An input expression that reads a variable or a path into one ({@code customAttributes.cartItems}). */
    private static final Pattern PATH = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s*");

    private final ProcessEngineConfigurationImpl engine;
    private final LatestDecisions latestDecisions;
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();
    /** Keyed by schema name and the item values its decisions read; the eldest go first. */
    private final Map<String, Parsed> parsedForItems = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > ITEM_KEYS;
        }
    });

    /** service-level.dmn named a schema or calendar that the table does not have: the rules' mistake. */
    static final class NoSuchName extends IllegalStateException {

        NoSuchName(String message) {
            super(message);
        }
    }

    /** A name's schema or calendar, and the ids of the decision versions it was read from. */
    private record Parsed(List<String> decisionIds, Object value) {
    }

    PriorityRules(ProcessEngineConfigurationImpl engine, LatestDecisions latestDecisions) {
        this.engine = engine;
        this.latestDecisions = latestDecisions;
    }

    /** @param item what the rows may read of the item besides the schema's name ({@link RuleInputs#of}) */
    PrioritySchema schema(String name, Map<String, Object> item) {
        Map<String, Object> inputs = new HashMap<>(item);
        inputs.put("prioritySchema", name);
        return latest(name, inputs, decisions -> {
            Map<String, Object> row = namedRow(decisions.get(0), inputs, name, "priority schema",
                    "priority-schema.dmn");
            try {
                List<BoostWindow> windows = evaluate(decisions.get(1), inputs).stream()
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
        Map<String, Object> inputs = Map.of("businessCalendar", name);
        return latest(name, inputs, decisions -> {
            Map<String, Object> row = namedRow(decisions.get(0), inputs, name, "business calendar",
                    "business-calendar.dmn");
            return BusinessCalendar.parse(name, (String) row.get("timeZone"), (String) row.get("workingHours"),
                    (String) row.get("holidays"));
        }, CALENDAR_DECISION);
    }

    /** The id of the latest deployed version of a decision ({@link LatestDecisions}). */
    String latestDecisionId(String decisionKey) {
        return ((DecisionDefinitionEntity) latestDecisions.of(decisionKey).get(0)).getId();
    }

    @SuppressWarnings("unchecked")
    private <T> T latest(String name, Map<String, Object> inputs, Function<List<DmnDecision>, T> parse,
            String... decisionKeys) {
        try {
            return latest(latestDecisions.of(decisionKeys), name, inputs, parse, decisionKeys);
        }
        catch (NoSuchName e) {
            // service-level.dmn, read from the database, may name a schema or calendar deployed with it on another
            // node within the second this node keeps the versions it read: ask the database before failing
            return latest(latestDecisions.read(decisionKeys), name, inputs, parse, decisionKeys);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T latest(List<DmnDecision> decisions, String name, Map<String, Object> inputs,
            Function<List<DmnDecision>, T> parse, String... decisionKeys) {
        List<String> ids = decisions.stream().map(decision -> ((DecisionDefinitionEntity) decision).getId()).toList();
        Map<String, Object> read = new TreeMap<>();
        decisions.forEach(decision -> testedInputs(decision).forEach(path -> read.put(path, valueAt(inputs, path))));
        read.keySet().removeAll(NAMES);
        Map<String, Parsed> cache = read.isEmpty() ? parsed : parsedForItems;
        String key = String.join(",", decisionKeys) + "/" + name + (read.isEmpty() ? "" : "/" + read);
        Parsed known = cache.get(key);
        if (known != null && known.decisionIds().equals(ids)) {
            return (T) known.value();
        }
        T value = parse.apply(decisions);
        cache.put(key, new Parsed(ids, value));
        return value;
    }

    /**
     * What the table's rows test: the input columns with a condition in some row, each as the expression it reads
     * (a variable or a path into one); a column left "-" everywhere changes no row and so no result. An input that
     * is no plain path is keyed by its whole text, which is safe (its value is then unknown here, so never shared).
     */
    private static Set<String> testedInputs(DmnDecision decision) {
        Set<String> paths = new TreeSet<>();
        if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
            for (int column = 0; column < table.getInputs().size(); column++) {
                int index = column;
                boolean tested = table.getRules().stream().map(rule -> rule.getConditions().get(index).getExpression())
                    .anyMatch(condition -> condition != null && !condition.isBlank() && !"-".equals(condition.trim()));
                DmnExpressionImpl input = table.getInputs().get(column).getExpression();
                String text = input == null || input.getExpression() == null ? "" : input.getExpression();
                if (tested) {
                    paths.add(PATH.matcher(text).matches() ? text.trim() : "?" + text);
                }
            }
        }
        return paths;
    }

    /** The value at a dotted path into the inputs (a map at each step); null where there is none. */
    private static Object valueAt(Map<String, Object> inputs, String path) {
        if (path.startsWith("?")) {
            return inputs;
        }
        Object value = inputs;
        for (String step : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(step) : null;
        }
        return value;
    }

    /** The first matching row for a name that service-level.dmn gave; a missing one is the rules' mistake. */
    private Map<String, Object> namedRow(DmnDecision decision, Map<String, Object> inputs, String name, String what,
            String file) {
        List<Map<String, Object>> rows = evaluate(decision, inputs);
        if (rows.isEmpty()) {
            throw new NoSuchName("No " + what + " '" + name + "' in decisions/" + file + " (decision '"
                    + decision.getKey() + "'), which service-level.dmn names");
        }
        return rows.get(0);
    }

    private List<Map<String, Object>> evaluate(DmnDecision decision, Map<String, Object> inputs) {
        return engine.getDmnEngine()
            .evaluateDecisionTable(decision, Variables.fromMap(inputs))
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
