package io.worklane.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/** Source systems' API tokens: issued, listed and revoked by administrators, and the only way a source system gets in. */
class SourceSystemTokenIntegrationTests extends PostgresIntegrationTest {

    private static final String START = "/engine-rest/process-definition/key/work-item/start";

    private ApiClient admin;

    @BeforeEach
    void administrator() {
        if (identityService.createGroupQuery().groupId(WorklaneGroups.ADMINS).count() == 0) {
            Group admins = identityService.newGroup(WorklaneGroups.ADMINS);
            admins.setName("Camunda administrators");
            identityService.saveGroup(admins);
        }
        admin = member("ada", WorklaneGroups.ADMINS);
    }

    @Test
    void theSecretIsShownOnceListedNeverAndRevocationHoldsAtOnce() {
        sourceSystem("tok-crm");
        var issued = admin.post("/api/source-systems/tok-crm/tokens", Map.of("label", "production"));
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.headers().getCacheControl()).contains("no-store");
        String token = issued.text("token");
        String id = issued.text("id");
        assertThat(token).startsWith("wl_" + id + "_").hasSizeGreaterThanOrEqualTo(3 + 32 + 1 + 43);
        assertThat(issued.text("sourceSystem")).isEqualTo("tok-crm");
        assertThat(issued.text("createdBy")).isEqualTo("ada");
        assertThat(issued.headers().getLocation()).hasPath("/api/source-systems/tok-crm/tokens/" + id);

        ApiClient crm = withToken(token);
        assertThat(crm.post("/api/work-items", Map.of("externalId", "T-1")).status()).isEqualTo(201);

        var listed = admin.get("/api/source-systems/tok-crm/tokens");
        assertThat(listed.status()).isEqualTo(200);
        var mine = find(listed, id);
        assertThat(mine.path("label").asText()).isEqualTo("production");
        assertThat(mine.path("active").asBoolean()).isTrue();
        assertThat(mine.path("lastUsedAt").isTextual()).isTrue();
        assertThat(mine.has("token")).isFalse();
        assertThat(listed.body().toString()).doesNotContain(token.substring(36)).doesNotContain("secret").doesNotContain("hash");
        String stored = jdbc.queryForObject("SELECT secret_hash FROM source_system_token WHERE id = ?", String.class, id);
        assertThat(stored).hasSize(64).doesNotContain(token.substring(36));

        assertThat(admin.delete("/api/source-systems/tok-crm/tokens/" + id).status()).isEqualTo(204);
        var refused = crm.post("/api/work-items", Map.of("externalId", "T-2"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.text("type")).isEqualTo("https://worklane.io/problems/invalid-token");
        assertThat(refused.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
        assertThat(crm.post(START, Map.of("variables", Map.of("externalId", value("T-3")))).status()).isEqualTo(401);
        assertThat(count("SELECT COUNT(*) FROM work_item")).isOne();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("work-item").count()).isOne();

        var revoked = find(admin.get("/api/source-systems/tok-crm/tokens"), id);
        assertThat(revoked.path("active").asBoolean()).isFalse();
        assertThat(revoked.path("revokedBy").asText()).isEqualTo("ada");
        assertThat(admin.delete("/api/source-systems/tok-crm/tokens/" + id).status()).isEqualTo(204);
        assertThat(admin.delete("/api/source-systems/tok-crm/tokens/0123456789abcdef0123456789abcdef").status())
            .isEqualTo(404);
        assertThat(admin.delete("/api/source-systems/other/tokens/" + id).status()).isEqualTo(404);
    }

    @Test
    void rotationKeepsBothTokensUntilTheOldOneIsRevoked() {
        sourceSystem("tok-shop");
        var old = admin.post("/api/source-systems/tok-shop/tokens", null);
        var fresh = admin.post("/api/source-systems/tok-shop/tokens", Map.of("label", "next"));
        assertThat(old.status()).isEqualTo(201);
        assertThat(fresh.status()).isEqualTo(201);
        assertThat(fresh.text("token")).isNotEqualTo(old.text("token"));

        assertThat(withToken(old.text("token")).post("/api/work-items", Map.of("externalId", "R-1")).status())
            .isEqualTo(201);
        assertThat(withToken(fresh.text("token")).post("/api/work-items", Map.of("externalId", "R-2")).status())
            .isEqualTo(201);

        assertThat(admin.delete("/api/source-systems/tok-shop/tokens/" + old.text("id")).status()).isEqualTo(204);
        assertThat(withToken(old.text("token")).get("/api/work-items?sourceSystem=tok-shop&externalId=R-1").status())
            .isEqualTo(401);
        assertThat(withToken(fresh.text("token")).post("/api/work-items", Map.of("externalId", "R-3")).status())
            .isEqualTo(201);
        assertThat(count("SELECT COUNT(*) FROM work_item WHERE source_system = 'tok-shop'")).isEqualTo(3);
    }

    @Test
    void onlyAdministratorsManageTokensAndOnlyForSourceSystems() {
        sourceSystem("tok-erp");
        var bySupervisor = supervisor().post("/api/source-systems/tok-erp/tokens", null);
        assertThat(bySupervisor.status()).isEqualTo(403);
        assertThat(bySupervisor.contentType()).isEqualTo("application/problem+json");
        assertThat(sourceSystem("tok-erp").post("/api/source-systems/tok-erp/tokens", null).status()).isEqualTo(403);
        assertThat(supervisor().get("/api/source-systems/tok-erp/tokens").status()).isEqualTo(403);

        var unknown = admin.post("/api/source-systems/nobody/tokens", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");
        var person = admin.post("/api/source-systems/sofia/tokens", Map.of("label", "x"));
        assertThat(person.status()).isEqualTo(422);
        assertThat(person.text("type")).isEqualTo("https://worklane.io/problems/not-a-source-system");
        assertThat(admin.post("/api/source-systems/tok-erp/tokens", Map.of("label", "x".repeat(201))).status())
            .isEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM source_system_token WHERE source_system IN ('nobody', 'sofia')"))
            .isZero();
    }

    @Test
    void aBearerTokenStartsWorkItemsOverTheEngineRestApiAsItsSourceSystem() {
        ApiClient shop = withToken(tokenOf("tok-rest"));
        var started = shop.post(START, Map.of("variables", Map.of("externalId", value("E-1"))));
        assertThat(started.status()).isEqualTo(200);
        var item = shop.get("/api/work-items/" + started.text("businessKey"));
        assertThat(item.text("sourceSystem")).isEqualTo("tok-rest");
        assertThat(item.text("externalId")).isEqualTo("E-1");

        var forged = withToken("wl_0123456789abcdef0123456789abcdef_guessed").post(START,
                Map.of("variables", Map.of("externalId", value("E-2"))));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(count("SELECT COUNT(*) FROM work_item")).isOne();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("work-item").count()).isOne();
    }

    @Test
    void aSourceSystemsPasswordIsRefusedUncheckedOnBothDoors() {
        sourceSystem("tok-basic");
        ApiClient withRightPassword = withPassword("tok-basic", "tok-basic");

        var onApi = withRightPassword.post("/api/work-items", Map.of("externalId", "B-1"));
        assertThat(onApi.status()).isEqualTo(401);
        assertThat(onApi.contentType()).isEqualTo("application/problem+json");
        assertThat(onApi.text("type")).isEqualTo("https://worklane.io/problems/api-token-required");
        assertThat(onApi.text("detail")).contains("API token");

        var onEngine = withRightPassword.post(START, Map.of("variables", Map.of("externalId", value("B-2"))));
        assertThat(onEngine.status()).isEqualTo(401);
        assertThat(onEngine.contentType()).startsWith("application/problem+json");
        assertThat(onEngine.text("detail")).contains("API token");

        assertThat(count("SELECT COUNT(*) FROM work_item")).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("work-item").count()).isZero();
        // never checked, so never counted: Camunda's failed-attempt counter of the account stays at zero
        assertThat(count("SELECT COALESCE(ATTEMPTS_, 0) FROM ACT_ID_USER WHERE ID_ = 'tok-basic'")).isZero();
    }

    private static com.fasterxml.jackson.databind.JsonNode find(ApiClient.Response list, String id) {
        for (var token : list.body()) {
            if (id.equals(token.path("id").asText())) {
                return token;
            }
        }
        throw new AssertionError("token " + id + " not listed: " + list.body());
    }

    private static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }
}
