package io.worklane.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code source_system_token} table (V8__source_system_tokens.sql). */
@Repository
class SourceSystemTokenRepository {

    /** What authentication needs of an active token, by primary key. */
    record ActiveSecret(String sourceSystem, String secretHash, Instant lastUsedAt) {
    }

    private static final String COLUMNS = "id, source_system, label, created_at, created_by, last_used_at, revoked_at, "
            + "revoked_by";

    private final NamedParameterJdbcTemplate jdbc;

    SourceSystemTokenRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    SourceSystemToken insert(String id, String sourceSystem, String secretHash, String label, Instant at, String by) {
        jdbc.update("""
                INSERT INTO source_system_token (id, source_system, secret_hash, label, created_at, created_by)
                VALUES (:id, :sourceSystem, :hash, :label, :at, :by)
                """, new MapSqlParameterSource("id", id).addValue("sourceSystem", sourceSystem)
            .addValue("hash", secretHash)
            .addValue("label", label)
            .addValue("at", Timestamp.from(at))
            .addValue("by", by));
        return new SourceSystemToken(id, sourceSystem, label, at, by, null, null, null);
    }

    boolean exists(String id) {
        return !jdbc.queryForList("SELECT id FROM source_system_token WHERE id = :id", new MapSqlParameterSource("id", id),
                String.class).isEmpty();
    }

    Optional<ActiveSecret> activeSecret(String id) {
        return jdbc.query("""
                SELECT source_system, secret_hash, last_used_at FROM source_system_token
                 WHERE id = :id AND revoked_at IS NULL
                """, new MapSqlParameterSource("id", id),
                (row, n) -> new ActiveSecret(row.getString(1), row.getString(2), instant(row, 3)))
            .stream()
            .findFirst();
    }

    List<SourceSystemToken> list(String sourceSystem) {
        return jdbc.query("SELECT " + COLUMNS + " FROM source_system_token WHERE source_system = :sourceSystem "
                + "ORDER BY created_at, id", new MapSqlParameterSource("sourceSystem", sourceSystem),
                SourceSystemTokenRepository::token);
    }

    Optional<SourceSystemToken> find(String sourceSystem, String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM source_system_token WHERE id = :id AND source_system = :sourceSystem",
                new MapSqlParameterSource("id", id).addValue("sourceSystem", sourceSystem),
                SourceSystemTokenRepository::token)
            .stream()
            .findFirst();
    }

    /** Revokes an active token; false if there is none (unknown, another source system's, or revoked already). */
    boolean revoke(String sourceSystem, String id, Instant at, String by) {
        return jdbc.update("""
                UPDATE source_system_token SET revoked_at = :at, revoked_by = :by
                 WHERE id = :id AND source_system = :sourceSystem AND revoked_at IS NULL
                """, new MapSqlParameterSource("id", id).addValue("sourceSystem", sourceSystem)
            .addValue("at", Timestamp.from(at))
            .addValue("by", by)) == 1;
    }

    /** The condition makes two nodes touching the same token at once harmless. */
    void touch(String id, Instant at, Instant ifUsedBefore) {
        jdbc.update("""
                UPDATE source_system_token SET last_used_at = :at
                 WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :before)
                """, new MapSqlParameterSource("id", id).addValue("at", Timestamp.from(at))
            .addValue("before", Timestamp.from(ifUsedBefore)));
    }

    private static SourceSystemToken token(ResultSet row, int n) throws SQLException {
        return new SourceSystemToken(row.getString("id"), row.getString("source_system"), row.getString("label"),
                instant(row, 4), row.getString("created_by"), instant(row, 6), instant(row, 7),
                row.getString("revoked_by"));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
