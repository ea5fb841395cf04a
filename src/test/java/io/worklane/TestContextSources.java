package io.worklane;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The third-party sources every integration test runs with: a real HTTP server (WireMock, on a free port) for
 * the CRM, and a real SQL database (H2 in memory) for loyalty data. An item without a customerId skips both.
 */
public final class TestContextSources {

    public static final String LOYALTY_DB = "jdbc:h2:mem:loyalty;DB_CLOSE_DELAY=-1";

    private static WireMockServer crm;

    private TestContextSources() {
    }

    public static synchronized WireMockServer crm() {
        if (crm == null) {
            crm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
            crm.start();
            Runtime.getRuntime().addShutdownHook(new Thread(crm::stop));
            createLoyaltyDatabase();
        }
        return crm;
    }

    /** Unknown customers are 404 unless a test says otherwise. */
    public static void resetCrm() {
        crm().resetAll();
        crm().stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
    }

    static void register(DynamicPropertyRegistry registry) {
        String base = "worklane.context.sources";
        registry.add("worklane.context.allowed-hosts[0]", () -> "localhost");
        registry.add(base + "[0].name", () -> "crm");
        registry.add(base + "[0].kind", () -> "HTTP");
        registry.add(base + "[0].url", () -> "http://localhost:" + crm().port() + "/customers/{customerId}");
        registry.add(base + "[0].attributes.customerSegment", () -> "/segment");
        registry.add(base + "[0].attributes.accountStatus", () -> "/status");
        registry.add(base + "[0].attributes.npsScore", () -> "/nps");
        registry.add(base + "[0].defaults.npsScore", () -> "0");
        // generous: a cold JVM or a busy CI machine must not turn a normal answer into a time-out
        registry.add(base + "[0].timeout", () -> "PT5S");
        registry.add(base + "[0].retries", () -> "1");
        registry.add(base + "[0].cache-ttl", () -> "PT5M");
        registry.add(base + "[1].name", () -> "loyalty");
        registry.add(base + "[1].kind", () -> "SQL");
        registry.add(base + "[1].jdbc-url", () -> LOYALTY_DB);
        registry.add(base + "[1].username", () -> "sa");
        registry.add(base + "[1].query", () -> "SELECT tier, points FROM loyalty WHERE customer_id = :customerId");
        registry.add(base + "[1].attributes.loyaltyTier", () -> "tier");
        registry.add(base + "[1].attributes.loyaltyPoints", () -> "points");
        registry.add(base + "[1].cache-ttl", () -> "PT0S");
        // required, but only asked for items that carry a creditCheckId
        registry.add(base + "[2].name", () -> "credit");
        registry.add(base + "[2].kind", () -> "HTTP");
        registry.add(base + "[2].url", () -> "http://localhost:" + crm().port() + "/credit/{creditCheckId}");
        registry.add(base + "[2].attributes.creditRating", () -> "/rating");
        registry.add(base + "[2].required", () -> "true");
        registry.add(base + "[2].retries", () -> "0");
        registry.add(base + "[2].cache-ttl", () -> "PT0S");
        // the time-out test's own source: a short time-out, asked only for items that carry a slowCheckId
        registry.add(base + "[3].name", () -> "slow");
        registry.add(base + "[3].kind", () -> "HTTP");
        registry.add(base + "[3].url", () -> "http://localhost:" + crm().port() + "/slow/{slowCheckId}");
        registry.add(base + "[3].attributes.slowAnswer", () -> "/answer");
        registry.add(base + "[3].timeout", () -> "PT0.5S");
        registry.add(base + "[3].retries", () -> "0");
        registry.add(base + "[3].cache-ttl", () -> "PT0S");
        // the refresh test's own source: asked again at every priority step, for its customers only
        registry.add(base + "[4].name", () -> "segments");
        registry.add(base + "[4].kind", () -> "SQL");
        registry.add(base + "[4].jdbc-url", () -> LOYALTY_DB);
        registry.add(base + "[4].username", () -> "sa");
        registry.add(base + "[4].query", () -> "SELECT segment FROM customer_segment WHERE customer_id = :customerId");
        registry.add(base + "[4].attributes.customerSegment", () -> "segment");
        registry.add(base + "[4].cache-ttl", () -> "PT0S");
        registry.add(base + "[4].refresh-on-reprioritization", () -> "true");
    }

    private static void createLoyaltyDatabase() {
        try (Connection connection = DriverManager.getConnection(LOYALTY_DB, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE loyalty (customer_id VARCHAR(20) PRIMARY KEY, tier VARCHAR(20), points INT)");
            statement.execute("INSERT INTO loyalty VALUES ('C-VIP', 'Platinum', 12000), ('C-COLL', 'None', 0), ('C-TASKLIST', 'Platinum', 12000)");
            statement.execute("CREATE TABLE customer_segment (customer_id VARCHAR(20) PRIMARY KEY, segment VARCHAR(20))");
        }
        catch (SQLException e) {
            throw new IllegalStateException("loyalty test database", e);
        }
    }
}
