package io.worklane.models;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Who deployed a deployment: recorded by the engine's door when a user's deployment has gone through. */
@Component
public class ModelDeployments {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ModelDeployments(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the deployer once; a deployment recorded already keeps its first. */
    public void deployedBy(String deploymentId, String userId) {
        try {
            jdbc.update("INSERT INTO model_deployment (deployment_id, deployed_by, deployed_at) VALUES (?, ?, ?)",
                    deploymentId, userId, Timestamp.from(clock.instant()));
        }
        catch (org.springframework.dao.DuplicateKeyException recordedAlready) {
            // the first deployer stays
        }
    }

    Optional<String> deployerOf(String deploymentId) {
        List<String> found = jdbc.queryForList("SELECT deployed_by FROM model_deployment WHERE deployment_id = ?",
                String.class, deploymentId);
        return found.stream().findFirst();
    }
}
