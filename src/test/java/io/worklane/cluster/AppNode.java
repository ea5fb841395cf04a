package io.worklane.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Worklane node: the built application jar in its own JVM, configured only through environment variables,
 * the same ones {@code docker/compose.yaml} sets. Its output goes to {@code target/cluster/<name>.log}.
 */
final class AppNode {

    private static final Path JAR = Path.of(System.getProperty("worklane.cluster.jar", "target/worklane.jar"));
    private static final Path LOGS = Path.of("target", "cluster");

    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private Process process;
    private int starts;

    AppNode(String name, Map<String, String> environment) {
        this.name = name;
        this.port = freePort();
        this.environment = environment;
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Starts the JVM and waits until Actuator reports it ready. */
    void start(Duration atMost) throws IOException {
        launch();
        awaitReady(atMost);
    }

    /** Starts the JVM. */
    void launch() throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run `./mvnw verify`, which packages "
                    + "the application before the integration tests");
        }
        Files.createDirectories(LOGS);
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx768m", "-XX:+UseSerialGC",
                // C1 only: a node starts sooner, and this test measures no speed
                "-XX:TieredStopAtLevel=1", "-jar",
                JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve(name + ".log").toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        process = builder.start();
        starts++;
    }

    void awaitReady(Duration atMost) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5))
            .build();
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see "
                        + LOGS.resolve(name + ".log"));
            }
            return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
    }

    /** SIGKILL: no shutdown hook, no graceful end of transactions, jobs or HTTP requests. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    int starts() {
        return starts;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}
