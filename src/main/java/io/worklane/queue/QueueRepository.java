package io.worklane.queue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Top-N of the queue: walks {@code work_item_distribution_idx} (V1__work_items_and_agents.sql) in order. */
@Repository
class QueueRepository {

    private static final String TOP_OF_QUEUE = """
            SELECT id, external_id, source_system, department, process, customer_segment, media_type, priority,
                   due_at, queued_at, required_skill, target_level, context_data
              FROM work_item
             WHERE state = 'QUEUED'
               AND (CAST(:department AS VARCHAR(100)) IS NULL OR department = :department)
               AND (:allDepartments OR LOWER(department) IN (:departments))
               AND (CAST(:skill AS VARCHAR(100)) IS NULL OR required_skill = :skill)
             ORDER BY priority DESC, queued_at ASC
             LIMIT :limit
            """;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    QueueRepository(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param departments the departments the caller may see; null: all */
    List<QueueEntry> top(String department, Collection<String> departments, String skill, int limit, Instant now) {
        // an empty IN () is no SQL: a department no item has stands in for "none"
        List<String> visible = departments == null || departments.isEmpty() ? List.of("")
                : departments.stream().map(name -> name.toLowerCase(java.util.Locale.ROOT)).toList();
        var parameters = new MapSqlParameterSource().addValue("department", department)
            .addValue("allDepartments", departments == null)
            .addValue("departments", visible)
            .addValue("skill", skill)
            .addValue("limit", limit);
        List<QueueEntry> entries = new ArrayList<>();
        jdbc.query(TOP_OF_QUEUE, parameters, row -> {
            Instant dueAt = instant(row.getTimestamp("due_at"));
            Instant queuedAt = instant(row.getTimestamp("queued_at"));
            entries.add(new QueueEntry(entries.size() + 1, row.getString("id"), row.getString("external_id"),
                    row.getString("source_system"), row.getString("department"), row.getString("process"),
                    row.getString("customer_segment"), row.getString("media_type"), row.getInt("priority"), dueAt,
                    dueAt != null && dueAt.isBefore(now), queuedAt, Duration.between(queuedAt, now).toSeconds(),
                    row.getString("required_skill"), row.getString("target_level"),
                    contextData(row.getString("context_data"))));
        });
        return entries;
    }

    private Map<String, Object> contextData(String stored) {
        if (stored == null) {
            return Map.of();
        }
        try {
            return json.readValue(stored, MAP);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("stored context data is not JSON", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
