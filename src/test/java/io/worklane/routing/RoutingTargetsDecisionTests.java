package io.worklane.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped routing targets, row by row, from the real {@code decisions/routing-targets.dmn}. */
class RoutingTargetsDecisionTests {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final DmnDecision TARGETS = parse();

    @ParameterizedTest(name = "{0}/{1}/{2}/{3} -> {4} | {5} | {6}")
    @CsvSource(nullValues = "null", value = {
            "Sales,   Order Processing, Gold, null, Sales Processing > 7 and Legacy System Processing > 1, Sales Processing > 4, Sales Processing > 0",
            "Sales,   Lead Handling,    VIP,  null, 'group = \"Key Accounts\" and Sales Processing > 7', Sales Processing > 4, Sales Processing > 0",
            "Sales,   Lead Handling,    Gold, null, Sales Processing > 4, Sales Processing > 2, Sales Processing > 0",
            "Finance, Collections,      null, Collections, Finance Processing > 4 and Collections > 2, Finance Processing > 4, Finance Processing > 0",
            "Finance, Billing,          Gold, null, Finance Processing > 4, Finance Processing > 2, Finance Processing > 0",
            "General, Default,          null, null, General Processing > 4, General Processing > 0, General Processing > 0" })
    void everyRowGivesThreeValidTargets(String department, String process, String segment, String accountStatus,
            String primary, String secondary, String tertiary) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("classifiedDepartment", department);
        variables.put("classifiedProcess", process);
        variables.put("customerSegment", segment);
        variables.put("accountStatus", accountStatus);

        Map<String, Object> row = DMN.evaluateDecisionTable(TARGETS, variables).getSingleResult().getEntryMap();

        assertThat(row).containsEntry("primaryTarget", primary)
            .containsEntry("secondaryTarget", secondary)
            .containsEntry("tertiaryTarget", tertiary);
        assertThat(RoutingTargets.plan(row).primaryTarget()).as("parses").isEqualTo(primary);
    }

    private static DmnDecision parse() {
        try (InputStream model = RoutingTargetsDecisionTests.class.getClassLoader()
            .getResourceAsStream("decisions/routing-targets.dmn")) {
            return DMN.parseDecision("routing-targets", model);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
