package io.worklane.workitem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped rules, row by row, evaluated from the real files in {@code decisions/}. */
class WorkItemDecisionTests {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static final DmnDecision CLASSIFY = parse("decisions/classify-work-item.dmn", "classify-work-item");
    private static final DmnDecision SERVICE_LEVEL = parse("decisions/service-level.dmn", "service-level");

    @ParameterizedTest(name = "department={0} process={1} requestType={2} accountStatus={3} -> {4}/{5}")
    @CsvSource(nullValues = "null", value = {
            "Sales,   Lead Handling,     Lead,            Collections, Sales,   Lead Handling",
            "null,    null,              Lead,            Collections, Finance, Collections",
            "Sales,   null,              Lead,            Active,      Sales,   Lead Handling",
            "Finance, Collections,       Lead,            null, Finance, Collections",
            "null,    null,              Lead, null,            Sales,   Lead Handling",
            "Sales,   null,              Quote, null,           Sales,   Lead Handling",
            "null,    null,              Order, null,           Sales,   Order Processing",
            "null,    null,              Contract Change, null, Sales,   Order Processing",
            "null,    null,              Invoice, null,         Finance, Billing",
            "Finance, null,              Refund, null,          Finance, Billing",
            "null,    null,              Credit Check, null,    Finance, Credit Management",
            "Sales,   null,              Invoice, null,         Sales,   General Sales",
            "Finance, null,              Lead, null,            Finance, General Finance",
            "Legal,   null,              null, null,            Legal,   Default",
            "null,    null,              null, null,            General, Default",
            "null,    null,              Complaint, null,       General, Default" })
    void classifiesByPreClassificationThenContextThenRequestType(String department, String process,
            String requestType, String accountStatus, String expectedDepartment, String expectedProcess) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("department", department);
        variables.put("process", process);
        variables.put("requestType", requestType);
        variables.put("accountStatus", accountStatus);

        DmnDecisionResultEntries result = DMN.evaluateDecision(CLASSIFY, variables).getSingleResult();

        assertThat(result.getEntryMap()).containsEntry("department", expectedDepartment)
            .containsEntry("process", expectedProcess);
    }

    /** The seed's segmentation table and its "Sales and Gold: SLA 72 hours" example. */
    @ParameterizedTest(name = "{0}/{1} -> {2}, priority {3} in {4}..{5}, skill {6}, confirmation {7}")
    @CsvSource(nullValues = "null", value = {
            "Sales,   VIP,    PT24H,  800, 800, 2000, Sales Processing,   null",
            "Finance, VIP,    PT24H,  700, 700, 1000, Finance Processing, PT24H",
            "Sales,   Gold,   PT72H,  500, 500, 2000, Sales Processing,   null",
            "Sales,   Silver, PT96H,  200, 200, 1000, Sales Processing,   null",
            "Sales,   Bronze, PT120H, 100, 100, 400,  Sales Processing,   null",
            "Finance, Gold,   PT48H,  400, 400, 1000, Finance Processing, PT24H",
            "Finance, Silver, PT72H,  200, 200, 1000, Finance Processing, PT24H",
            "Finance, Bronze, PT120H, 100, 100, 1000, Finance Processing, PT24H",
            "Sales,   null,   PT120H, 100, 100, 1000, Sales Processing,   null",
            "Finance, Platin, PT120H, 100, 100, 1000, Finance Processing, PT24H",
            "General, Gold,   PT120H, 100, 100, 1000, General Processing, null" })
    void serviceLevelFollowsTheSegmentationTable(String department, String segment, String sla, int initial,
            int min, int max, String skill, String confirmationTimeout) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("classification", Map.of("department", department, "process", "Any"));
        variables.put("customerSegment", segment);

        DmnDecisionResultEntries result = DMN.evaluateDecision(SERVICE_LEVEL, variables).getSingleResult();

        assertThat(result.getEntryMap()).containsEntry("slaDuration", sla)
            .containsEntry("initialPriority", initial)
            .containsEntry("minPriority", min)
            .containsEntry("maxPriority", max)
            .containsEntry("requiredSkill", skill);
        // an empty output cell leaves the entry out: null to whoever reads it
        assertThat(result.getEntryMap().get("confirmationTimeout")).isEqualTo(confirmationTimeout);
    }

    @Test
    void everyItemGetsAServiceLevel() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("classification", Map.of("department", "Nowhere", "process", "Nothing"));
        variables.put("customerSegment", null);

        assertThat(DMN.evaluateDecision(SERVICE_LEVEL, variables).getSingleResult().getEntryMap())
            .containsEntry("requiredSkill", "General Processing");
    }

    private static DmnDecision parse(String resource, String key) {
        try (InputStream model = WorkItemDecisionTests.class.getClassLoader().getResourceAsStream(resource)) {
            return DMN.parseDecision(key, model);
        }
        catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
