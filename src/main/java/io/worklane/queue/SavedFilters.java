package io.worklane.queue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.worklane.web.Problems;

/** A supervisor's named queue filters: the page's query parameters, kept per user. */
@Service
@Transactional
class SavedFilters {

    /** The queue page's parameters; a cursor or a page size is no part of a filter. */
    static final Set<String> PARAMETERS = Set.of("state", "department", "process", "segment", "sourceSystem",
            "targetLevel", "skill", "agent", "overdue", "dueBefore", "q", "sort");
    static final int MAX_PER_USER = 50;

    record SavedFilter(String name, Map<String, Object> query, Instant savedAt) {
    }

    private static final TypeReference<LinkedHashMap<String, Object>> QUERY = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    SavedFilters(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<SavedFilter> of(String owner) {
        return jdbc.query("SELECT name, query, saved_at FROM queue_filter WHERE owner = ? ORDER BY name",
                (row, n) -> new SavedFilter(row.getString("name"), read(row.getString("query")),
                        row.getTimestamp("saved_at").toInstant()), owner);
    }

    /** @return whether the filter is new */
    boolean save(String owner, String name, Map<String, Object> query) {
        String text = write(validated(query));
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("UPDATE queue_filter SET query = ?, saved_at = ? WHERE owner = ? AND name = ?", text, now,
                owner, name) > 0) {
            return false;
        }
        Integer saved = jdbc.queryForObject("SELECT COUNT(*) FROM queue_filter WHERE owner = ?", Integer.class, owner);
        if (saved != null && saved >= MAX_PER_USER) {
            throw Problems.exception(HttpStatus.CONFLICT, "too-many-filters", "Too many saved filters",
                    "You keep " + MAX_PER_USER + " filters already; delete one first.", Map.of());
        }
        jdbc.update("INSERT INTO queue_filter (owner, name, query, saved_at) VALUES (?, ?, ?, ?)", owner, name, text,
                now);
        return true;
    }

    void delete(String owner, String name) {
        if (jdbc.update("DELETE FROM queue_filter WHERE owner = ? AND name = ?", owner, name) == 0) {
            throw Problems.notFound("saved-filter", name);
        }
    }

    /** Only the page's parameters, each a text or a list of texts (state may repeat). */
    private static Map<String, Object> validated(Map<String, Object> query) {
        if (query == null) {
            throw Problems.invalid("'query' is required: the queue page's parameters, e.g. {\"state\": [\"QUEUED\"]}.");
        }
        for (var parameter : query.entrySet()) {
            if (!PARAMETERS.contains(parameter.getKey())) {
                throw Problems.invalid("'" + parameter.getKey() + "' is no queue filter; use " + new java.util.TreeSet<>(
                        PARAMETERS) + ".");
            }
            Object value = parameter.getValue();
            boolean text = value instanceof String;
            boolean texts = value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
            if (!text && !texts) {
                throw Problems.invalid("'" + parameter.getKey() + "' is a text or a list of texts.");
            }
        }
        return query;
    }

    private String write(Map<String, Object> query) {
        try {
            String text = json.writeValueAsString(query);
            if (text.length() > 4000) {
                throw Problems.invalid("A saved filter holds at most 4,000 characters.");
            }
            return text;
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, QUERY);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("stored filter is not JSON", e);
        }
    }
}
