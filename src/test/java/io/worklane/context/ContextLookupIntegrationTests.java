package io.worklane.context;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;
import io.worklane.TestContextSources;

/**
 * Against a real HTTP server and a real SQL database (see {@link TestContextSources}): what the CRM and the loyalty
 * database say changes classification and priority; when they fail the item flows on with its own attributes.
 */
class ContextLookupIntegrationTests extends PostgresIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    private ContextLookup contextLookup;

    @Autowired
    private ManagementService managementService;

    private final WireMockServer crm = TestContextSources.crm();

    @BeforeEach
    void closeCircuits() {
        contextLookup.circuitBreakers().getAllCircuitBreakers().forEach(breaker -> breaker.reset());
    }

    @Test
    void aVipSegmentFromTheCrmRaisesThePriority() {
        crm.stubFor(get("/customers/C-VIP").willReturn(okJson("{\"segment\":\"VIP\",\"status\":\"Active\",\"nps\":9}")));
        ApiClient source = sourceSystem("crm");

        var vip = queued(source, Map.of("externalId", "CX-1", "requestType", "Lead", "customerId", "C-VIP"));
        var unknown = queued(source, Map.of("externalId", "CX-2", "requestType", "Lead", "customerId", "C-NEW"));

        assertThat(vip.text("customerSegment")).isEqualTo("VIP");
        assertThat(vip.body().path("priority").asInt()).isEqualTo(800);
        assertThat(vip.body().path("contextData").path("npsScore").asInt()).isEqualTo(9);
        assertThat(vip.body().path("contextData").path("loyaltyTier").asText()).as("from the SQL source")
            .isEqualTo("Platinum");
        assertThat(vip.body().path("contextData").path("loyaltyPoints").asInt()).isEqualTo(12000);
        assertThat(unknown.text("customerSegment")).isNull();
        assertThat(unknown.body().path("priority").asInt()).as("the default Sales rule").isEqualTo(100);
        assertThat(unknown.body().path("contextData").path("npsScore").asInt()).as("the configured default").isZero();

        var queue = supervisor().get("/api/queue").body().path("items");
        assertThat(queue.get(0).path("externalId").asText()).as("the VIP first, by its context").isEqualTo("CX-1");
        JsonNode lookedUp = event(source, vip.text("id"), "CONTEXT_LOOKED_UP");
        assertThat(lookedUp.path("details").path("crm").path("status").asText()).isEqualTo("OK");
        assertThat(lookedUp.path("details").path("loyalty").path("status").asText()).isEqualTo("OK");
        assertThat(lookedUp.path("details").path("credit").path("status").asText()).isEqualTo("SKIPPED");
    }

    @Test
    void anAccountInCollectionsIsClassifiedForFinanceAndRoutedToCollectionsExperience() {
        crm.stubFor(get("/customers/C-COLL").willReturn(okJson("{\"segment\":\"Bronze\",\"status\":\"Collections\"}")));

        var item = queued(sourceSystem("crm"), Map.of("externalId", "CX-3", "requestType", "Lead", "customerId", "C-COLL"));

        assertThat(item.text("department")).isEqualTo("Finance");
        assertThat(item.text("process")).isEqualTo("Collections");
        assertThat(item.text("targetExpression")).as("routing-targets.dmn reads the looked-up account status")
            .isEqualTo("Finance Processing > 4 and Collections > 2");
    }

    @Test
    void whatTheSourceSystemSentWinsOverTheLookup() {
        crm.stubFor(get("/customers/C-OWN").willReturn(okJson("{\"segment\":\"VIP\",\"nps\":4}")));

        var item = queued(sourceSystem("crm"),
                Map.of("externalId", "CX-4", "requestType", "Lead", "customerId", "C-OWN", "customerSegment", "Gold"));

        assertThat(item.text("customerSegment")).isEqualTo("Gold");
        assertThat(item.body().path("priority").asInt()).isEqualTo(500);
        assertThat(item.body().path("contextData").path("npsScore").asInt()).isEqualTo(4);
    }

    @Test
    void aSlowSourceTimesOutAndTheItemFlowsOn() {
        crm.stubFor(get("/slow/S-1").willReturn(okJson("{\"answer\":\"late\"}").withFixedDelay(3_000)));

        var item = queued(sourceSystem("crm"), Map.of("externalId", "CX-5", "requestType", "Lead", "attributes",
                Map.of("slowCheckId", "S-1")));

        assertThat(item.body().path("priority").asInt()).isEqualTo(100);
        assertThat(item.body().path("contextData").has("slowAnswer")).isFalse();
        JsonNode slowStatus = event(sourceSystem("crm"), item.text("id"), "CONTEXT_LOOKED_UP").path("details").path("slow");
        assertThat(slowStatus.path("status").asText()).isEqualTo("FAILED");
        assertThat(slowStatus.path("error").asText()).contains("no answer within 500 ms");
    }

    @Test
    void aFailingSourceIsRetriedThenFallsBack() {
        crm.stubFor(get("/customers/C-500").willReturn(aResponse().withStatus(500)));

        var item = queued(sourceSystem("crm"), Map.of("externalId", "CX-6", "requestType", "Lead", "customerId", "C-500"));

        assertThat(item.body().path("contextData").path("npsScore").asInt()).isZero();
        crm.verify(2, getRequestedFor(urlEqualTo("/customers/C-500")));
        assertThat(event(sourceSystem("crm"), item.text("id"), "CONTEXT_LOOKED_UP").path("details").path("crm")
            .path("error").asText()).isEqualTo("HTTP 500");
    }

    @Test
    void malformedJsonIsAFailureNotAnIncident() {
        crm.stubFor(get("/customers/C-BAD").willReturn(aResponse().withStatus(200).withBody("{segment: VIP")));

        var item = queued(sourceSystem("crm"), Map.of("externalId", "CX-7", "requestType", "Lead", "customerId", "C-BAD"));

        assertThat(item.text("customerSegment")).isNull();
        assertThat(event(sourceSystem("crm"), item.text("id"), "CONTEXT_LOOKED_UP").path("details").path("crm")
            .path("error").asText()).isEqualTo("answer is not JSON");
        crm.verify(1, getRequestedFor(urlEqualTo("/customers/C-BAD")));
    }

    @Test
    void anOversizedAnswerIsRejected() {
        String huge = "{\"segment\":\"VIP\",\"padding\":\"" + "x".repeat(300 * 1024) + "\"}";
        crm.stubFor(get("/customers/C-HUGE").willReturn(okJson(huge)));

        var item = queued(sourceSystem("crm"), Map.of("externalId", "CX-14", "requestType", "Lead", "customerId", "C-HUGE"));

        assertThat(item.text("customerSegment")).isNull();
        assertThat(event(sourceSystem("crm"), item.text("id"), "CONTEXT_LOOKED_UP").path("details").path("crm")
            .path("error").asText()).isEqualTo("answer larger than 262144 bytes");
    }

    @Test
    void anOpenCircuitSkipsTheCallAndTheItemFlowsOn() {
        crm.stubFor(get("/customers/C-OPEN").willReturn(okJson("{\"segment\":\"VIP\"}")));
        contextLookup.circuitBreakers().circuitBreaker("crm").transitionToOpenState();

        var item = queued(sourceSystem("crm"), Map.of("externalId", "CX-8", "requestType", "Lead", "customerId", "C-OPEN"));

        assertThat(item.body().path("priority").asInt()).isEqualTo(100);
        assertThat(event(sourceSystem("crm"), item.text("id"), "CONTEXT_LOOKED_UP").path("details").path("crm")
            .path("status").asText()).isEqualTo("CIRCUIT_OPEN");
        crm.verify(0, getRequestedFor(urlEqualTo("/customers/C-OPEN")));
    }

    @Test
    void theCacheSavesTheSecondCall() {
        crm.stubFor(get("/customers/C-CACHE").willReturn(okJson("{\"segment\":\"VIP\",\"nps\":6}")));
        ApiClient source = sourceSystem("crm");

        queued(source, Map.of("externalId", "CX-9", "requestType", "Lead", "customerId", "C-CACHE"));
        var second = queued(source, Map.of("externalId", "CX-10", "requestType", "Lead", "customerId", "C-CACHE"));

        crm.verify(1, getRequestedFor(urlEqualTo("/customers/C-CACHE")));
        assertThat(second.body().path("priority").asInt()).isEqualTo(800);
        assertThat(event(source, second.text("id"), "CONTEXT_LOOKED_UP").path("details").path("crm").path("status")
            .asText()).isEqualTo("CACHED");
    }

    @Test
    void attributeValuesAreEncodedIntoTheUrl() {
        crm.stubFor(get("/customers/A%2FB%3Fx%3D1").willReturn(okJson("{\"segment\":\"VIP\"}")));

        var item = queued(sourceSystem("crm"), Map.of("externalId", "CX-11", "requestType", "Lead", "customerId", "A/B?x=1"));

        assertThat(item.text("customerSegment")).isEqualTo("VIP");
    }

    @Test
    void dotSegmentsAreNeverSentToASource() {
        var item = queued(sourceSystem("crm"), Map.of("externalId", "CX-15", "requestType", "Lead", "customerId", ".."));

        assertThat(event(sourceSystem("crm"), item.text("id"), "CONTEXT_LOOKED_UP").path("details").path("crm")
            .path("status").asText()).isEqualTo("SKIPPED");
        crm.verify(0, getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    @Test
    void aReclassificationAsksAgainAndReplacesWhatWasLookedUp() {
        crm.stubFor(get("/customers/C-V2").willReturn(okJson("{\"segment\":\"VIP\",\"nps\":9}")));
        crm.stubFor(get("/customers/C-C2").willReturn(okJson("{\"segment\":\"Bronze\",\"status\":\"Collections\"}")));
        ApiClient source = sourceSystem("crm");
        var vip = queued(source, Map.of("externalId", "CX-16", "requestType", "Lead", "customerId", "C-V2"));
        assertThat(vip.text("customerSegment")).isEqualTo("VIP");

        source.patch("/api/work-items/" + vip.text("id"), Map.of("customerId", "C-C2"));
        var reclassified = await().atMost(PATIENCE).until(() -> source.get("/api/work-items/" + vip.text("id")),
                found -> "QUEUED".equals(found.text("state")) && "Finance".equals(found.text("department")));

        assertThat(reclassified.text("customerSegment")).isEqualTo("Bronze");
        assertThat(reclassified.text("process")).isEqualTo("Collections");
        assertThat(reclassified.body().path("contextData").path("npsScore").asInt()).as("C-C2 has no NPS: default")
            .isZero();
    }

    @Test
    void aRestartedItemAsksTheSourcesAgain() {
        crm.stubFor(get("/customers/C-R1").willReturn(okJson("{\"segment\":\"VIP\"}")));
        crm.stubFor(get("/customers/C-R2").willReturn(okJson("{\"segment\":\"Gold\"}")));
        ApiClient source = sourceSystem("crm");
        String id = queued(source, Map.of("externalId", "CX-17", "requestType", "Lead", "customerId", "C-R1")).text("id");
        source.post("/api/work-items/" + id + "/complete", null);

        source.post("/api/work-items/" + id + "/restart", Map.of("customerId", "C-R2"));
        var restarted = await().atMost(PATIENCE).until(() -> source.get("/api/work-items/" + id),
                found -> "QUEUED".equals(found.text("state")));

        assertThat(restarted.text("customerSegment")).isEqualTo("Gold");
        assertThat(restarted.body().path("priority").asInt()).isEqualTo(500);
    }

    @Test
    void whatTheSourceSystemSetsLaterIsNotLookedUpOverAgain() {
        crm.stubFor(get("/customers/C-OWN2").willReturn(okJson("{\"segment\":\"VIP\"}")));
        ApiClient source = sourceSystem("crm");
        String id = queued(source, Map.of("externalId", "CX-18", "requestType", "Lead", "customerId", "C-OWN2")).text("id");

        source.patch("/api/work-items/" + id, Map.of("customerSegment", "Bronze"));
        var reclassified = await().atMost(PATIENCE).until(() -> source.get("/api/work-items/" + id),
                found -> "QUEUED".equals(found.text("state")) && found.body().path("priority").asInt() == 100);

        assertThat(reclassified.text("customerSegment")).isEqualTo("Bronze");
        assertThat(reclassified.body().path("contextData").has("customerSegment")).isFalse();
    }

    @Test
    void theAgentSeesTheLookedUpDataOfTheirTask() {
        crm.stubFor(get("/customers/C-FORM").willReturn(okJson("{\"segment\":\"VIP\",\"status\":\"Active\",\"nps\":9}")));
        ApiClient alice = agent("alice", Map.of("Sales Processing", 9), 1);
        // a VIP's primary target is the key accounts team (decisions/routing-targets.dmn)
        supervisor().put("/api/agents/alice", Map.of("displayName", "alice", "skills", Map.of("Sales Processing", 9),
                "capacity", Map.of("workitem", 1), "groups", java.util.List.of("Key Accounts")));
        alice.put("/api/agents/alice/presence", Map.of("state", "READY"));
        String id = sourceSystem("crm").post("/api/work-items",
                Map.of("externalId", "CX-12", "requestType", "Lead", "customerId", "C-FORM")).text("id");
        await().atMost(PATIENCE).until(() -> sourceSystem("crm").get("/api/work-items/" + id).text("state"),
                "IN_PROGRESS"::equals);

        String task = alice.get("/engine-rest/task?assignee=alice&maxResults=1").body().get(0).path("id").asText();
        JsonNode variables = alice.get("/engine-rest/task/" + task + "/form-variables").body();
        assertThat(variables.path("npsScore").path("value").asInt()).isEqualTo(9);
        assertThat(variables.path("accountStatus").path("value").asText()).isEqualTo("Active");
        assertThat(variables.path("customerSegment").path("value").asText()).isEqualTo("VIP");
        // the form names no context field: the Work item tab renders whatever the sources returned
        String form = alice.get("/engine-rest/task/" + task + "/deployed-form").body().toString();
        assertThat(form).contains("Work item** tab").doesNotContain("npsScore", "accountStatus");
        JsonNode item = alice.get("/api/work-items?taskId=" + task).body();
        assertThat(item.path("contextData").path("npsScore").asInt()).isEqualTo(9);
        assertThat(item.path("contextData").path("accountStatus").asText()).isEqualTo("Active");
    }

    @Test
    void aRequiredSourceThatKeepsFailingBecomesAnIncident() {
        crm.stubFor(get("/credit/K-1").willReturn(aResponse().withStatus(503)));
        ApiClient source = sourceSystem("crm");
        String id = source.post("/api/work-items", Map.of("externalId", "CX-13", "requestType", "Lead", "attributes",
                Map.of("creditCheckId", "K-1"))).text("id");
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();

        Job job = await().atMost(PATIENCE)
            .until(() -> managementService.createJobQuery().processInstanceId(instance).singleResult(),
                    found -> found != null && found.getExceptionMessage() != null);
        assertThat(job.getExceptionMessage()).contains("Required context source 'credit' failed: HTTP 503");
        // the engine retries later (R3/PT1M); run the remaining attempts now
        while (managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0) {
            try {
                managementService.executeJob(job.getId());
            }
            catch (RuntimeException expected) {
                // the source still fails
            }
        }

        var incident = runtimeService.createIncidentQuery().processInstanceId(instance).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentMessage()).contains("Required context source 'credit' failed: HTTP 503");
        assertThat(source.get("/api/work-items/" + id).text("state")).isEqualTo("CAPTURED");
    }

    private static ApiClient.Response queued(ApiClient source, Map<String, Object> body) {
        var captured = source.post("/api/work-items", body);
        assertThat(captured.status()).as(captured.body().toString()).isEqualTo(201);
        String id = captured.text("id");
        return await().atMost(PATIENCE).until(() -> source.get("/api/work-items/" + id),
                item -> "QUEUED".equals(item.text("state")));
    }

    private static JsonNode event(ApiClient source, String id, String type) {
        for (JsonNode event : source.get("/api/work-items/" + id + "/history").body()) {
            if (type.equals(event.path("type").asText())) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event for " + id);
    }
}
