package io.worklane.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** What an administrator and a supervisor set up through the API before the load: users, rules, agents. */
final class ClusterSetup {

    static final String ADMIN = "admin";

    private final ClusterClient client;

    ClusterSetup(ClusterClient client) {
        this.client = client;
    }

    /** The source system gets an API token from the administrator, which the client uses from then on. */
    void usersAndGroups(String sourceSystem, String supervisor) {
        user(sourceSystem, "source-systems");
        user(supervisor, "supervisors");
        member(supervisor, "all-departments");
        ClusterClient.Response issued = client.post(0, ADMIN, "/api/source-systems/" + sourceSystem + "/tokens",
                Map.of("label", "fault test"));
        assertThat(issued.status()).as("token of %s: %s", sourceSystem, issued.body()).isEqualTo(201);
        client.useToken(sourceSystem, issued.body().path("token").asText());
    }

    /** An agent in MANUAL answer mode with "Sales Processing 8", the skill the Gold leads' targets ask for. */
    void agent(String id, String supervisor, int capacity) {
        user(id, "agents");
        ClusterClient.Response saved = client.put(0, supervisor, "/api/agents/" + id, Map.of("displayName", id, "skills",
                Map.of("Sales Processing", 8), "capacity", Map.of("workitem", capacity), "answerMode", "MANUAL"));
        assertThat(saved.status()).as("agent %s: %s", id, saved.body()).isEqualTo(201);
    }

    /**
     * A process owner's new version of {@code priority-schema.dmn} in which every schema steps at this interval
     * by this increment,
     * deployed over the engine REST API: the running items' next steps follow it, so that the reprioritization
     * timers fire during a short test.
     */
    void deployPrioritySchemaStepping(Duration interval, int increment) throws Exception {
        String dmn = Files.readString(Path.of("decisions", "priority-schema.dmn"))
            .replaceAll("(<outputEntry id=\"LiteralExpression_\\w+_Increment\">\\s*<text>)[^<]*(</text>)", "$1" + increment + "$2")
            .replaceAll("(<outputEntry id=\"LiteralExpression_\\w+_StepInterval\">\\s*<text>)[^<]*(</text>)",
                    "$1\"" + interval + "\"$2");
        String boundary = "worklane-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                + "fault test: priority steps every " + interval + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"priority-schema.dmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + dmn + "\r\n--" + boundary + "--\r\n";
        ClusterClient.Response deployed = client.post(0, ADMIN, "/engine-rest/deployment/create", body,
                "multipart/form-data; boundary=" + boundary);
        assertThat(deployed.status()).as("deployment: %s", deployed.body()).isEqualTo(200);
    }

    /** Subscribes the source system to its items' changes at this URL (an administrator does). @return the secret */
    String subscribe(String sourceSystem, String url) {
        ClusterClient.Response made = client.post(0, ADMIN, "/api/source-systems/" + sourceSystem + "/webhooks",
                Map.of("url", url));
        if (made.status() != 201) {
            throw new IllegalStateException("subscription not made: " + made);
        }
        return made.body().path("secret").asText();
    }

    private void user(String id, String group) {
        ClusterClient.Response created = client.post(0, ADMIN, "/engine-rest/user/create", Map.of("profile",
                Map.of("id", id, "firstName", id, "lastName", "Test", "email", id + "@example.org"), "credentials",
                Map.of("password", id)));
        assertThat(created.status()).as("user %s: %s", id, created.body()).isEqualTo(204);
        member(id, group);
    }

    private void member(String id, String group) {
        ClusterClient.Response member = client.put(0, ADMIN, "/engine-rest/group/" + group + "/members/" + id, null);
        assertThat(member.status()).as("%s in %s: %s", id, group, member.body()).isEqualTo(204);
    }
}
