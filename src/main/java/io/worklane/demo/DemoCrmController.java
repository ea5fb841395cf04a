package io.worklane.demo;

import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stand-in for a CRM's customer service, so the demo's context source has something to ask
 * ({@code worklane.context.sources} in application-demo.yaml). Not part of Worklane's API.
 */
@RestController
@Profile("demo")
class DemoCrmController {

    private static final Map<String, Map<String, Object>> CUSTOMERS = Map.of(
            "C-100", Map.of("segment", "VIP", "status", "Active", "nps", 9, "lifetimeValue", 250_000),
            "C-200", Map.of("segment", "Gold", "status", "Active", "nps", 7, "lifetimeValue", 40_000),
            "C-300", Map.of("segment", "Bronze", "status", "Collections", "nps", 3, "lifetimeValue", 1_200),
            "C-400", Map.of("segment", "Silver", "status", "Active", "nps", 8, "lifetimeValue", 9_500));

    @GetMapping("/demo/crm/customers/{customerId}")
    ResponseEntity<Map<String, Object>> customer(@PathVariable String customerId) {
        Map<String, Object> customer = CUSTOMERS.get(customerId);
        return customer == null ? ResponseEntity.notFound().build()
                : ResponseEntity.ok(Map.of("id", customerId, "profile", customer));
    }
}
