package io.worklane;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL the integration tests run on: {@code WORKLANE_TEST_DB_URL} when set, else the server at
 * 127.0.0.1:5432 (a fresh {@code worklane_test} database each run), else an embedded PostgreSQL. Never H2:
 * locking and SQL must be proven on the real thing.
 */
public final class TestDatabase {

    public record Coordinates(String url, String user, String password) {
    }

    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "worklane_test";

    private static Coordinates coordinates;
    private static EmbeddedPostgres embedded;

    private TestDatabase() {
    }

    public static synchronized Coordinates get() {
        if (coordinates == null) {
            coordinates = locate();
        }
        return coordinates;
    }

    /**
     * An empty database {@code name} on the same server as {@link #get()}, dropped first if it exists: for
     * application nodes a test starts as separate JVMs, apart from the data the other tests leave behind.
     */
    public static Coordinates fresh(String name) {
        Coordinates server = get();
        Matcher url = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)").matcher(server.url());
        if (!url.matches()) {
            throw new IllegalStateException("Not a PostgreSQL URL: " + server.url());
        }
        try {
            recreate(server.url(), server.user(), server.password(), name);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " beside " + server.url(), e);
        }
        return new Coordinates(url.group(1) + name + url.group(3), server.user(), server.password());
    }

    private static Coordinates locate() {
        String url = System.getenv("WORKLANE_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new Coordinates(url, env("WORKLANE_TEST_DB_USER", "postgres"), env("WORKLANE_TEST_DB_PASSWORD", ""));
        }
        try {
            recreate(LOCAL_SERVER + "postgres", "postgres", "");
            return new Coordinates(LOCAL_SERVER + DATABASE, "postgres", "");
        }
        catch (SQLException localServerUnavailable) {
            return startEmbedded();
        }
    }

    private static Coordinates startEmbedded() {
        try {
            // stopped by EmbeddedDatabaseLifecycle, after the application context has let go of it
            embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            String server = embedded.getJdbcUrl("postgres", "postgres");
            recreate(server, "postgres", "");
            return new Coordinates(server.replace("/postgres?", "/" + DATABASE + "?"), "postgres", "");
        }
        catch (Exception e) {
            throw new IllegalStateException("No PostgreSQL for the integration tests: none at 127.0.0.1:5432, "
                    + "WORKLANE_TEST_DB_URL unset, and the embedded one did not start", e);
        }
    }

    private static void recreate(String serverUrl, String user, String password) throws SQLException {
        recreate(serverUrl, user, password, DATABASE);
    }

    private static void recreate(String serverUrl, String user, String password, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "3");
        try (Connection connection = DriverManager.getConnection(serverUrl, properties);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
    }

    static synchronized void stopEmbedded() {
        if (embedded == null) {
            return;
        }
        try {
            embedded.close();
            embedded = null;
        }
        catch (Exception e) {
            // the JVM is exiting; the embedded server's files are temporary
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
