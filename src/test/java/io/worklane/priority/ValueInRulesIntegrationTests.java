package io.worklane.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/**
 * The seed's shopping cart over HTTP on PostgreSQL: service-level.dmn and priority-schema.dmn read an item's deal
 * value and custom attributes from its row, at capture and again when a PATCH reclassifies it.
 */
class ValueInRulesIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aHighValueCartStartsHigherAndALowValueOneDoesNot() {
        ApiClient webshop = sourceSystem("webshop");
        String high = cart(webshop, "VAL-1", Map.of("dealValue", 1500));
        // a shop that sends the cart's value as a custom attribute: the rule reads customAttributes.cartValue
        String byAttribute = cart(webshop, "VAL-2", Map.of("attributes", Map.of("cartValue", 2500)));
        String low = cart(webshop, "VAL-3", Map.of("dealValue", 120));
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(high)) && "QUEUED".equals(stateOf(byAttribute))
                && "QUEUED".equals(stateOf(low)));

        assertThat(item(webshop, high).text("prioritySchema")).isEqualTo("Hot cart");
        assertThat(item(webshop, high).body().path("priority").asInt()).isEqualTo(1200);
        assertThat(item(webshop, byAttribute).text("prioritySchema")).isEqualTo("Hot cart");
        assertThat(item(webshop, low).text("prioritySchema")).isEqualTo("Cart");
        assertThat(item(webshop, low).body().path("priority").asInt()).as("the segment's min").isEqualTo(100);
    }

    @Test
    void aCustomAttributeRaisesTheStartAndAReclassificationDecidesAgainWithTheNewValue() {
        ApiClient webshop = sourceSystem("webshop");
        String low = cart(webshop, "VAL-4", Map.of("dealValue", 120));
        String returning = cart(webshop, "VAL-5", Map.of("dealValue", 120, "attributes",
                Map.of("returningCustomer", true)));
        await().atMost(PATIENCE).until(() -> "QUEUED".equals(stateOf(low)) && "QUEUED".equals(stateOf(returning)));
        assertThat(item(webshop, returning).body().path("priority").asInt())
            .as("priority-schema.dmn reads customAttributes.returningCustomer").isEqualTo(400);
        assertThat(item(webshop, low).body().path("priority").asInt()).isEqualTo(100);

        assertThat(webshop.patch("/api/work-items/" + low, Map.of("dealValue", 1800)).status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "Hot cart".equals(item(webshop, low).text("prioritySchema"))
                && "QUEUED".equals(stateOf(low)));
        assertThat(item(webshop, low).body().path("priority").asInt()).isEqualTo(1200);
    }

    private static ApiClient.Response item(ApiClient client, String id) {
        return client.get("/api/work-items/" + id);
    }

    private static String cart(ApiClient webshop, String externalId, Map<String, Object> value) {
        Map<String, Object> body = new HashMap<>(value);
        body.put("externalId", externalId);
        body.put("requestType", "Lead");
        var captured = webshop.post("/api/work-items", body);
        assertThat(captured.status()).as("%s", captured).isEqualTo(201);
        return captured.text("id");
    }
}
