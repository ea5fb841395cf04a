package io.worklane.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped priority schemas and business calendars, row by row, from the real files in {@code decisions/}. */
class PriorityDecisionTests {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static final DmnDecision SCHEMA = parse("decisions/priority-schema.dmn", PriorityRules.SCHEMA_DECISION);
    private static final DmnDecision BOOST = parse("decisions/priority-schema.dmn", PriorityRules.BOOST_DECISION);
    private static final DmnDecision CALENDAR = parse("decisions/business-calendar.dmn", PriorityRules.CALENDAR_DECISION);

    @ParameterizedTest(name = "{0}: initial {1}, increment {2}, every {3}, overdue {4}")
    @CsvSource(nullValues = "null", value = { "Gold, null, null, PT1H, null", "Silver, null, null, PT2H, null",
            "Bronze, null, 10, PT4H, null", "Lead promotion, 900, -50, P1D, 2900",
            "Default, null, null, 'PT30M,PT1H,PT4H', null", "Hot cart, 1200, null, PT30M, null",
            "Cart, null, null, PT1H, null" })
    void everySchemaTheServiceLevelNamesIsDefined(String schema, Integer initial, Integer increment, String steps,
            Integer overdue) {
        Map<String, Object> row = DMN.evaluateDecisionTable(SCHEMA, Map.of("prioritySchema", schema))
            .getSingleResult()
            .getEntryMap();

        assertThat(row.get("initialPriority")).isEqualTo(initial);
        assertThat(row.get("increment")).isEqualTo(increment);
        assertThat(row.get("stepInterval")).isEqualTo(steps);
        assertThat(row.get("overduePriority")).isEqualTo(overdue);
    }

    @Test
    void theLeadPromotionHasTwoBoostWindowsAndTheOthersNone() {
        List<Map<String, Object>> windows = DMN.evaluateDecisionTable(BOOST, Map.of("prioritySchema", "Lead promotion"))
            .getResultList();

        assertThat(windows).containsExactly(Map.of("anchor", "capture", "from", "P6D", "until", "P8D", "boost", 400),
                Map.of("anchor", "due", "from", "-PT2H", "until", "PT0S", "boost", 2200));
        assertThat(DMN.evaluateDecisionTable(BOOST, Map.of("prioritySchema", "Gold")).getResultList()).isEmpty();
    }

    /** A custom attribute read by a rule: {@code customAttributes.returningCustomer}. */
    @ParameterizedTest(name = "a cart, returningCustomer {0}: initial {1}")
    @CsvSource(nullValues = "null", value = { "true, 400", "false, null", "yes, null", "null, null" })
    void aReturningCustomersCartStartsHigher(String returning, Integer initial) {
        Map<String, Object> custom = new HashMap<>();
        if (returning != null) {
            custom.put("returningCustomer", "yes".equals(returning) ? returning : Boolean.valueOf(returning));
        }
        custom.put("cartItems", 3);
        Map<String, Object> row = DMN.evaluateDecisionTable(SCHEMA,
                Map.of("prioritySchema", "Cart", "customAttributes", custom, "sourceSystem", "webshop"))
            .getSingleResult()
            .getEntryMap();

        assertThat(row.get("initialPriority")).isEqualTo(initial);
        assertThat(row.get("stepInterval")).isEqualTo("PT1H");
    }

    @Test
    void anUnknownSchemaMatchesNoRow() {
        assertThat(DMN.evaluateDecisionTable(SCHEMA, Map.of("prioritySchema", "Platinum")).getResultList()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}, {2}")
    @CsvSource({ "24x7, UTC, MON-SUN 00:00-24:00", "Finance office hours, Europe/Berlin, MON-FRI 08:00-17:00" })
    void everyCalendarTheServiceLevelNamesIsDefinedAndParses(String name, String zone, String hours) {
        Map<String, Object> row = DMN.evaluateDecisionTable(CALENDAR, Map.of("businessCalendar", name))
            .getSingleResult()
            .getEntryMap();

        assertThat(row).containsEntry("timeZone", zone).containsEntry("workingHours", hours);
        BusinessCalendar calendar = BusinessCalendar.parse(name, zone, hours, (String) row.get("holidays"));
        assertThat(calendar.name()).isEqualTo(name);
    }

    private static DmnDecision parse(String resource, String key) {
        try (InputStream model = PriorityDecisionTests.class.getClassLoader().getResourceAsStream(resource)) {
            return DMN.parseDecision(key, model);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
