package io.worklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/** The API's JSON is read strictly: each malformed body is 400 naming the field, and nothing is stored. */
class StrictJsonIntegrationTests extends PostgresIntegrationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            number for a text                 | {"externalId": 123}                                              | externalId
            boolean for a text                | {"externalId": "S-1", "description": true}                       | description
            float for an integer              | {"externalId": "S-1", "priority": 1.5}                           | priority
            float with no fraction for an int | {"externalId": "S-1", "priority": 5.0}                           | priority
            text for an integer               | {"externalId": "S-1", "priority": "5"}                           | priority
            number for an instant             | {"externalId": "S-1", "dueAt": 1700000000}                       | dueAt
            digits text for an instant        | {"externalId": "S-1", "dueAt": "1700000000"}                     | dueAt
            text for a decimal                | {"externalId": "S-1", "dealValue": "1200.50"}                    | dealValue
            NUL in a text                     | {"externalId": "S-1", "description": "a\\u0000b"}                | description
            bell in a text                    | {"externalId": "S-1", "name": "a\\u0007"}                        | name
            DEL in a text                     | {"externalId": "S-1\\u007f"}                                     | externalId
            control in an attribute value     | {"externalId": "S-1", "attributes": {"note": "x\\u001by"}}       | attributes.note
            control in an attribute key       | {"externalId": "S-1", "attributes": {"no\\u0001te": "x"}}        | attributes.no\\u0001te
            control deep in an attribute      | {"externalId": "S-1", "attributes": {"a": [{"b": "\\u0002"}]}}   | attributes.a.0.b
            """)
    void malformedCaptureIsRefusedNamingTheFieldAndStoresNothing(String what, String body, String field) {
        var response = sourceSystem("crm").postRaw("/api/work-items", body);

        assertThat(response.status()).as(what).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("https://worklane.io/problems/malformed-request");
        assertThat(response.text("field")).isEqualTo(field);
        assertThat(response.text("detail")).contains("'" + field + "'");
        assertNoClassNames(response);
        assertThat(count("SELECT COUNT(*) FROM work_item")).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            garbage after the document | {"externalId": "S-1"} garbage
            a second document          | {"externalId": "S-1"}{"externalId": "S-2"}
            """)
    void trailingContentIsRefused(String what, String body) {
        var response = sourceSystem("crm").postRaw("/api/work-items", body);

        assertThat(response.status()).as(what).isEqualTo(400);
        assertThat(response.text("type")).isEqualTo("https://worklane.io/problems/malformed-request");
        assertNoClassNames(response);
        assertThat(count("SELECT COUNT(*) FROM work_item")).isZero();
    }

    @Test
    void tabsAndLineBreaksStayAllowed() {
        var response = sourceSystem("crm").postRaw("/api/work-items",
                "{\"externalId\": \"S-OK\", \"description\": \"line one\\r\\n\\tline two\", \"dealValue\": 1200}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("description")).isEqualTo("line one\r\n\tline two");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            number for a text      | {"description": 5}                   | description
            text for an integer    | {"priority": "7"}                    | priority
            number for an instant  | {"dueAt": 1700000000}                | dueAt
            control in an attribute| {"attributes": {"note": "\\u0000"}}  | attributes.note
            control in a text      | {"contactNumber": "1\\u0008"}        | contactNumber
            """)
    void mergePatchesAreReadJustAsStrictly(String what, String patch, String field) {
        ApiClient crm = sourceSystem("crm");
        var captured = crm.post("/api/work-items", Map.of("externalId", "P-1", "requestType", "Invoice",
                "description", "before"));
        String id = captured.text("id");

        var response = crm.patchRaw("/api/work-items/" + id, patch);

        assertThat(response.status()).as(what).isEqualTo(400);
        assertThat(response.text("field")).isEqualTo(field);
        assertNoClassNames(response);
        assertThat(crm.get("/api/work-items/" + id).text("description")).isEqualTo("before");
        assertThat(count("SELECT COUNT(*) FROM work_item_event WHERE type IN ('UPDATED', 'RECLASSIFIED')")).isZero();
    }

    @Test
    void otherBodiesAreStrictToo() {
        ApiClient bob = agent("bob", Map.of("Sales Processing", 5), 1);

        var numberedState = bob.put("/api/agents/bob/presence", Map.of("state", 1));
        var controlReason = supervisor().put("/api/agents/bob", Map.of("displayName", "Bob\u0000",
                "skills", Map.of("Sales Processing", 5), "capacity", Map.of("workitem", 1)));

        assertThat(numberedState.status()).isEqualTo(400);
        assertThat(numberedState.text("field")).isEqualTo("state");
        assertThat(controlReason.status()).isEqualTo(400);
        assertThat(controlReason.text("field")).isEqualTo("displayName");
    }

    static void assertNoClassNames(ApiClient.Response response) {
        assertThat(response.body().toString()).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]\\w+")
            .doesNotContain("Exception", "java.", "com.fasterxml", "`");
    }
}
