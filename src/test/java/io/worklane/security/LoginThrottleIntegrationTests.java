package io.worklane.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.worklane.PostgresIntegrationTest;

/**
 * Guessing credentials blocks the guessing address (429), never the account: a source system under attack keeps
 * capturing with its token, and a person whose password was guessed wrong still logs in. The attacker calls from
 * 127.0.0.2 and 127.0.0.3, the legitimate clients from 127.0.0.1 (settings: application.yaml, 10 per minute).
 */
class LoginThrottleIntegrationTests extends PostgresIntegrationTest {

    @LocalServerPort
    private int port;

    @AfterEach
    void unblock() {
        loginThrottle.forgetAll();
    }

    @Test
    void wrongPasswordsAndTokensForASourceSystemBlockTheGuesserNotTheSourceSystem() {
        String token = tokenOf("crm");
        FromAddress attacker = new FromAddress("127.0.0.2", port);
        int refused = 0;
        int throttled = 0;
        for (int i = 0; i < 30; i++) {
            var guess = attacker.post("/api/work-items", basic("crm", "guess-" + i), "application/json",
                    "{\"externalId\":\"EVIL-" + i + "\"}");
            var tokenGuess = attacker.get("/engine-rest/task?maxResults=1", "Bearer wl_" + "0".repeat(32) + "_" + i);
            for (var reply : new FromAddress.Reply[] { guess, tokenGuess }) {
                refused += reply.status() == 401 ? 1 : 0;
                throttled += reply.status() == 429 ? 1 : 0;
            }
            var captured = withToken(token).post("/api/work-items", Map.of("externalId", "CRM-" + i));
            assertThat(captured.status()).as("capture %d while under attack", i).isEqualTo(201);
        }
        // passwords: 10 refused, then the address is blocked; token guesses: always refused, never throttled
        assertThat(refused).isEqualTo(10 + 30);
        assertThat(throttled).isEqualTo(20);

        var blocked = attacker.post("/api/work-items", basic("crm", "crm"), "application/json", "{\"externalId\":\"X\"}");
        assertThat(blocked.status()).as("the blocked address, whatever it sends as a password").isEqualTo(429);
        assertThat(blocked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(blocked.body()).contains("too-many-failed-logins");
        assertThat(Integer.parseInt(blocked.header("Retry-After"))).isBetween(1, 300);
        // a source system sharing the blocked address (a NAT, a proxy) still captures with its token
        var sameAddress = attacker.post("/api/work-items", "Bearer " + token, "application/json",
                "{\"externalId\":\"CRM-NAT\"}");
        assertThat(sameAddress.status()).as("a valid token from the blocked address").isEqualTo(201);

        assertThat(count("SELECT COUNT(*) FROM work_item WHERE source_system = 'crm'")).isEqualTo(31);
        assertThat(count("SELECT COUNT(*) FROM work_item WHERE external_id LIKE 'EVIL-%' OR external_id = 'X'")).isZero();
    }

    @Test
    void aPersonWhosePasswordWasGuessedTwentyTimesStillLogsIn() {
        supervisor();
        for (int i = 0; i < 20; i++) {
            assertThat(identityService.checkPassword("sofia", "wrong-" + i)).isFalse();
        }
        // Camunda's account lockout is off (application.yaml: login-max-attempts, login-delay-*)
        assertThat(identityService.checkPassword("sofia", "sofia")).isTrue();
        assertThat(supervisor().get("/api/queue").status()).isEqualTo(200);
        var login = new FromAddress("127.0.0.4", port).webappLogin("tasklist", "sofia", "sofia");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
    }

    @Test
    void failedWebappLoginsBlockTheAddressWhileOthersLogIn() {
        supervisor();
        FromAddress guesser = new FromAddress("127.0.0.3", port);
        for (int i = 0; i < 10; i++) {
            assertThat(guesser.webappLogin("tasklist", "sofia", "x" + i).status()).isEqualTo(401);
        }
        var blocked = guesser.webappLogin("tasklist", "sofia", "sofia");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("Retry-After")).isNotNull();
        assertThat(guesser.get("/engine-rest/task?maxResults=1", basic("sofia", "sofia")).status()).isEqualTo(429);
        assertThat(guesser.get("/api/queue", basic("sofia", "sofia")).status()).isEqualTo(429);
        // no credentials, no attempt: the login page itself still loads
        assertThat(guesser.get("/camunda/app/tasklist/", null).status()).isNotEqualTo(429);

        var elsewhere = new FromAddress("127.0.0.4", port).webappLogin("tasklist", "sofia", "sofia");
        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(supervisor().get("/api/queue").status()).isEqualTo(200);

        loginThrottle.forgetAll();
        assertThat(guesser.webappLogin("tasklist", "sofia", "sofia").status()).isEqualTo(200);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
