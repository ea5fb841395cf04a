package io.worklane.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;
import io.worklane.workitem.CaptureAttribute;

/**
 * One limit, every door: for each capture attribute ({@link CaptureAttribute}), a value at its limit is captured over
 * the API and started over the engine REST API alike, and one past it is refused by both with the same problem
 * (type, detail and {@code errors} naming the field), nothing stored.
 */
class CaptureLimitsIntegrationTests extends PostgresIntegrationTest {

    private static final String START = "/engine-rest/process-definition/key/work-item/start";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private HistoryService history;

    /** @param extra other attributes the case needs (a lead's request type) */
    record Limit(String name, String field, Object atLimit, Object pastLimit, Map<String, Object> extra) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Limit> limits() {
        List<Limit> limits = new ArrayList<>();
        for (CaptureAttribute attribute : CaptureAttribute.values()) {
            if (attribute.type() == CaptureAttribute.Type.TEXT) {
                limits.add(new Limit(attribute.fieldName() + " of " + attribute.maxLength() + " characters",
                        attribute.fieldName(), text(attribute, attribute.maxLength()),
                        text(attribute, attribute.maxLength() + 1), Map.of()));
            }
        }
        int lead = CaptureAttribute.DESCRIPTION.rule().leadMaxLength();
        limits.add(new Limit("a lead's description of " + lead + " characters", "description", "d".repeat(lead),
                "d".repeat(lead + 1), Map.of("requestType", "Lead")));
        limits.add(new Limit("priority up to 1000000", "priority", 1_000_000, 1_000_001, Map.of()));
        limits.add(new Limit("priority from 0", "priority", 0, -1, Map.of()));
        limits.add(new Limit("dealValue to the cent", "dealValue", 1234.56, 1.005, Map.of()));
        limits.add(new Limit("50 custom attributes", "attributes", custom(50, 10), custom(51, 10), Map.of()));
        limits.add(new Limit("custom attribute names of 100 characters", "attributes", custom(1, 100),
                custom(1, 101), Map.of()));
        return limits.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void aLimitHoldsAtEveryDoor(Limit limit) {
        // a source system that may name the source system (as a supervisor), so that every attribute can be set
        ApiClient feeder = as("feeder", "source-systems", "supervisors");
        long instancesBefore = instances();

        var captured = feeder.post("/api/work-items", body(limit, limit.atLimit()));
        var started = feeder.post(START, Map.of("variables", variables(body(limit, limit.atLimit()))));

        assertThat(captured.status()).as("API at the limit: %s", captured).isEqualTo(201);
        assertThat(started.status()).as("engine REST at the limit: %s", started).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM work_item")).isEqualTo(2);
        if (limit.atLimit() instanceof String text) {
            String column = CaptureAttribute.named(limit.field()).orElseThrow().columns().get(0);
            assertThat(jdbc.queryForList("SELECT " + column + " FROM work_item", String.class))
                .as("stored whole").allSatisfy(stored -> assertThat(stored).hasSameSizeAs(text));
        }

        var refusedByApi = feeder.post("/api/work-items", body(limit, limit.pastLimit()));
        var refusedByEngine = feeder.post(START, Map.of("variables", variables(body(limit, limit.pastLimit()))));

        assertThat(refusedByApi.status()).as("API past the limit: %s", refusedByApi).isEqualTo(400);
        assertThat(refusedByEngine.status()).as("engine REST past the limit: %s", refusedByEngine).isEqualTo(400);
        for (var refused : List.of(refusedByApi, refusedByEngine)) {
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("type")).isEqualTo("https://worklane.io/problems/invalid-request");
            assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly(limit.field());
        }
        assertThat(refusedByEngine.body().path("errors")).isEqualTo(refusedByApi.body().path("errors"));
        assertThat(refusedByEngine.text("detail")).isEqualTo(refusedByApi.text("detail"));
        assertThat(count("SELECT COUNT(*) FROM work_item")).as("nothing stored on refusal").isEqualTo(2);
        assertThat(instances() - instancesBefore).as("no refused instance started").isEqualTo(2);
    }

    @Test
    void aStartPastTheDoorsIsRejectedByTheSameRules() {
        // inside the application (or by an administrator) no door checks the start: the process does
        String id = UUID.randomUUID().toString();
        runtimeService.createProcessInstanceByKey("work-item")
            .businessKey(id)
            .setVariable("externalId", "PAST-1")
            .setVariable("sourceSystem", "crm")
            .setVariable("product", "p".repeat(CaptureAttribute.PRODUCT.maxLength() + 1))
            .setVariable("requestType", "Lead")
            .setVariable("description", "d".repeat(CaptureAttribute.DESCRIPTION.rule().leadMaxLength() + 1))
            .execute();

        await().atMost(Duration.ofSeconds(20)).until(() -> stateOf(id), "REJECTED"::equals);
        assertThat(jdbc.queryForObject("SELECT rejection_reason FROM work_item WHERE id = ?", String.class, id))
            .isEqualTo("product at most 200 characters; description at most 30 characters for leads");
        assertThat(jdbc.queryForObject("SELECT product FROM work_item WHERE id = ?", String.class, id))
            .as("too long for its column: left out").isNull();
    }

    /** Work item instances ever started, ended ones too. */
    private long instances() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("work-item").count();
    }

    private static Map<String, Object> body(Limit limit, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalId", "LIM-" + UUID.randomUUID());
        body.put("sourceSystem", "crm");
        body.putAll(limit.extra());
        body.put(limit.field(), value instanceof String text && limit.field().equals("externalId")
                ? UUID.randomUUID().toString().substring(0, 8) + text.substring(8) : value);
        return body;
    }

    /** The capture body as engine REST start variables: the custom attributes as a Json variable. */
    private static Map<String, Object> variables(Map<String, Object> body) {
        Map<String, Object> variables = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            if (value instanceof Map<?, ?> map) {
                try {
                    variables.put(name, Map.of("type", "Json", "value", JSON.writeValueAsString(map)));
                }
                catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            else {
                variables.put(name, Map.of("value", value));
            }
        });
        return variables;
    }

    /** A value of this length that the attribute's pattern (if any) accepts. */
    private static String text(CaptureAttribute attribute, int length) {
        String start = switch (attribute) {
            case SOURCE_URL -> "https://crm.example/";
            case MEDIA_TYPE -> "m";
            default -> "v";
        };
        return start + "x".repeat(length - start.length());
    }

    private static Map<String, Object> custom(int entries, int nameLength) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        IntStream.range(0, entries).forEach(i -> {
            String index = String.valueOf(i);
            attributes.put(index + "k".repeat(nameLength - index.length()), i);
        });
        return attributes;
    }
}
