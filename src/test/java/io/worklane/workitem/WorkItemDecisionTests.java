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

    /** The seed's segmentation table (schema, min, max) and its "Sales and Gold: SLA 72 hours" example. */
    @ParameterizedTest(name = "{0}/{1}/{2} -> {3} on {4}, {5} in {6}..{7}, skill {8}, confirmation {9}")
    @CsvSource(nullValues = "null", value = {
            "Sales,   VIP,    Lead,     PT24H,  24x7,                 Gold,           800, 2000, Sales Processing,   null",
            "Finance, VIP,    Invoice,  PT16H,  Finance office hours, Gold,           700, 1000, Finance Processing, PT24H",
            "Sales,   Gold,   Web Lead, P10D,   24x7,                 Lead promotion, 100, 3000, Sales Processing,   null",
            "Sales,   Gold,   Lead,     PT72H,  24x7,                 Gold,           500, 2000, Sales Processing,   null",
            "Sales,   Silver, Lead,     PT96H,  24x7,                 Silver,         200, 1000, Sales Processing,   null",
            "Sales,   Bronze, Order,    PT120H, 24x7,                 Bronze,         100, 400,  Sales Processing,   null",
            "Finance, Gold,   Invoice,  PT48H,  Finance office hours, Gold,           400, 1000, Finance Processing, PT24H",
            "Finance, Silver, Invoice,  PT72H,  Finance office hours, Silver,         200, 1000, Finance Processing, PT24H",
            "Finance, Bronze, Refund,   PT120H, Finance office hours, Bronze,         100, 1000, Finance Processing, PT24H",
            "Sales,   null,   Lead,     PT120H, 24x7,                 Default,        100, 1000, Sales Processing,   null",
            "Finance, Platin, Invoice,  PT120H, Finance office hours, Default,        100, 1000, Finance Processing, PT24H",
            "General, Gold,   null,     PT120H, 24x7,                 Default,        100, 1000, General Processing, null" })
    void serviceLevelFollowsTheSegmentationTable(String department, String segment, String requestType, String sla,
            String calendar, String schema, int min, int max, String skill, String confirmationTimeout) {
        Map<String, Object> variables = serviceLevelInputs(department, "Any", segment);
        variables.put("requestType", requestType);

        DmnDecisionResultEntries result = DMN.evaluateDecision(SERVICE_LEVEL, variables).getSingleResult();

        assertThat(result.getEntryMap()).containsEntry("slaDuration", sla)
            .containsEntry("businessCalendar", calendar)
            .containsEntry("prioritySchema", schema)
            .containsEntry("minPriority", min)
            .containsEntry("maxPriority", max)
            .containsEntry("requiredSkill", skill);
        // an empty output cell leaves the entry out: null to whoever reads it
        assertThat(result.getEntryMap().get("confirmationTimeout")).isEqualTo(confirmationTimeout);
    }

    /** The seed's example: an abandoned web-shop cart of high value starts on a higher priority schema. */
    @ParameterizedTest(name = "{0} cart of {1} -> {2} in {3}..{4}, handling time-out {5} then {6}")
    @CsvSource(nullValues = "null", value = {
            "webshop, 1500,   Hot cart, 600, 2000, PT2H, EXCEPTION",
            "webshop, 1000,   Hot cart, 600, 2000, PT2H, EXCEPTION",
            "webshop, 999.99, Cart,     100, 1000, PT4H, RETURN_TO_QUEUE",
            "webshop, null,   Cart,     100, 1000, PT4H, RETURN_TO_QUEUE",
            "crm,     5000,   Default,  100, 1000, null, null" })
    void aWebShopCartOfHighValueStartsHigher(String sourceSystem, Double dealValue, String schema, int min, int max,
            String handlingTimeout, String action) {
        Map<String, Object> variables = serviceLevelInputs("General", "Default", null);
        variables.put("sourceSystem", sourceSystem);
        variables.put("dealValue", dealValue);

        Map<String, Object> result = DMN.evaluateDecision(SERVICE_LEVEL, variables).getSingleResult().getEntryMap();

        assertThat(result).containsEntry("prioritySchema", schema)
            .containsEntry("minPriority", min)
            .containsEntry("maxPriority", max);
        assertThat(result.get("handlingTimeout")).isEqualTo(handlingTimeout);
        assertThat(result.get("handlingTimeoutAction")).isEqualTo(action);
    }

    /** A shop that sends the cart's value as a custom attribute: the rules read it as customAttributes.cartValue. */
    @ParameterizedTest(name = "cartValue {0} as {1} -> {2}")
    @CsvSource({ "2500, integer, Hot cart", "1000.0, decimal, Hot cart", "999, integer, Cart", "2500, text, Cart",
            "lots, text, Cart" })
    void aCustomAttributeIsReadByTheRules(String cartValue, String type, String schema) {
        Map<String, Object> variables = serviceLevelInputs("Sales", "Lead Handling", null);
        variables.put("sourceSystem", "webshop");
        // JSON brings a number as an integer or a decimal; text matches no number test, and fails nothing
        Object value = switch (type) {
            case "integer" -> Integer.valueOf(cartValue);
            case "decimal" -> Double.valueOf(cartValue);
            default -> cartValue;
        };
        variables.put("customAttributes", Map.of("cartValue", value, "cartItems", 4));

        assertThat(DMN.evaluateDecision(SERVICE_LEVEL, variables).getSingleResult().getEntryMap())
            .containsEntry("prioritySchema", schema);
    }

    @Test
    void everyItemGetsAServiceLevel() {
        Map<String, Object> variables = serviceLevelInputs("Nowhere", "Nothing", null);

        assertThat(DMN.evaluateDecision(SERVICE_LEVEL, variables).getSingleResult().getEntryMap())
            .containsEntry("requiredSkill", "General Processing")
            .containsEntry("prioritySchema", "Default");
    }

    /** What the process gives the decision: the classified department and process, and the item's attributes. */
    private static Map<String, Object> serviceLevelInputs(String department, String process, String segment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("classifiedDepartment", department);
        variables.put("classifiedProcess", process);
        variables.put("customerSegment", segment);
        variables.put("product", null);
        variables.put("requestType", null);
        variables.put("mediaType", "workitem");
        variables.put("accountStatus", null);
        variables.put("sourceSystem", "crm");
        variables.put("subproduct", null);
        variables.put("dealValue", null);
        return variables;
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
