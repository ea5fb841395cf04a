package io.worklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/**
 * Camunda's engine REST API answers errors as problem details without class names; a refusal logs at most one
 * line and no stack trace, a failure logs its cause once under the reference it answers with.
 */
@ExtendWith(OutputCaptureExtension.class)
class EngineRestProblemsIntegrationTests extends PostgresIntegrationTest {

    private static final String START = "/engine-rest/process-definition/key/work-item/start";

    @Test
    void refusalsAreProblemDetailsWithTheEngineReasonAndLogNoStackTrace(CapturedOutput output) {
        ApiClient sofia = supervisor();
        ApiClient crm = sourceSystem("crm");

        var notFound = refused(output, () -> sofia.get("/engine-rest/task/no-such-task"));
        var badVariable = refused(output, () -> crm.post(START,
                Map.of("variables", Map.of("externalId", Map.of("value", "x", "type", "Integer")))));
        var forbidden = refused(output, () -> crm.post("/engine-rest/user/create",
                Map.of("profile", Map.of("id", "mallory"), "credentials", Map.of("password", "mallory1"))));
        var foreign = refused(output, () -> sourceSystem("webshop").post(START,
                Map.of("variables", Map.of("externalId", Map.of("value", "E-1"), "sourceSystem", Map.of("value", "crm")))));
        var unauthenticated = refused(output, () -> anonymous().get("/engine-rest/task"));
        var notJson = refused(output, () -> crm.postRaw(START, "{\"variables\":"));

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.text("type")).isEqualTo("https://worklane.io/problems/not-found");
        assertThat(notFound.text("detail")).contains("no-such-task");
        assertThat(badVariable.status()).isEqualTo(400);
        assertThat(badVariable.text("detail")).isNotBlank();
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text("type")).isEqualTo("https://worklane.io/problems/forbidden");
        // a start for another source system is refused at the door
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.text("detail")).contains("cannot capture items for 'crm'");
        assertThat(foreign.text("message")).isEqualTo(foreign.text("detail"));
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM work_item")).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void failuresAnswerAReferenceThatOneLogLineCarriesWithTheCause(CapturedOutput output) {
        // a variable of a class nobody has, set inside the app (no door takes one): the engine fails to read it back
        ApiClient crm = sourceSystem("crm");
        var started = crm.post(START, Map.of("variables", Map.of("externalId", Map.of("value", "F-1"))));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        runtimeService.setVariable(started.text("id"), "blob", org.camunda.bpm.engine.variable.Variables
            .serializedObjectValue("{}")
            .objectTypeName("com.example.Missing")
            .serializationDataFormat("application/json")
            .create());
        int before = output.getAll().length();

        var failed = supervisor().get("/engine-rest/process-instance/" + started.text("id") + "/variables/blob");
        String log = output.getAll().substring(before);

        assertProblemWithoutClassNames(failed);
        assertThat(failed.status()).as(failed.toString()).isEqualTo(500);
        String reference = failed.text("reference");
        assertThat(failed.text("detail")).contains(reference).doesNotContain("Missing");
        assertThat(log.lines().filter(line -> line.contains(reference)).count()).as(log).isOne();
        assertThat(log).as("the cause is logged").contains("com.example.Missing");
        // the engine's command context may log the same cause (ENGINE-16004) when the failure was inside a command
        assertThat(log.lines()
            .filter(line -> line.contains(" ERROR ") || line.contains(" WARN "))
            .filter(line -> line.matches(".*\\] org\\.camunda\\.bpm\\.engine\\.rest.*"))
            .count()).as("Camunda's REST layer no longer logs it again:%n%s", log).isZero();
    }

    @Test
    void engineRequestBodiesAreCapped() {
        var huge = sourceSystem("crm").postRaw(START,
                "{\"variables\":{\"externalId\":{\"value\":\"" + "x".repeat(600 * 1024) + "\"}}}");

        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.text("type")).isEqualTo("https://worklane.io/problems/payload-too-large");
    }

    @Test
    void messageTextsLoseTheirClassNames() {
        assertThat(EngineRestProblems.withoutClassNames("org.camunda.bpm.engine.ProcessEngineException: "
                + "ENGINE-1 Cannot convert value 'x' of type java.lang.String: NumberFormatException: For input"))
            .isEqualTo("ENGINE-1 Cannot convert value 'x' of type String: For input");
        assertThat(EngineRestProblems.withoutClassNames("failed with NullPointerException in it"))
            .isEqualTo("failed with error in it");
    }

    private ApiClient.Response refused(CapturedOutput output, Supplier<ApiClient.Response> call) {
        int before = output.getAll().length();
        ApiClient.Response response = call.get();
        String log = output.getAll().substring(before);
        assertProblemWithoutClassNames(response);
        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        assertThat(log.lines().filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by")).count())
            .as("stack trace lines logged for %s:%n%s", response, log).isZero();
        // INFO lines are no refusal's (the first engine REST call of a test JVM starts a test engine)
        assertThat(log.lines().filter(line -> line.contains(" ERROR ") || line.contains(" WARN ")).count())
            .as("lines logged:%n%s", log).isLessThanOrEqualTo(1);
        return response;
    }

    static void assertProblemWithoutClassNames(ApiClient.Response response) {
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("type").asText()).startsWith("https://worklane.io/problems/");
        assertThat(response.body().path("status").asInt()).isEqualTo(response.status());
        assertThat(response.body().toString()).doesNotContain("Exception", "java.", "org.camunda")
            .doesNotContainPattern("\\b[a-z]+\\.[a-z]+\\.[A-Z]\\w+");
    }
}
