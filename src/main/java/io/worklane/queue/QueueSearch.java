package io.worklane.queue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The queue page's reads: any states, filters, one of {@link QueueSort}'s orders, keyset pages. Each sort has its
 * index (V11__queue_page_indexes.sql); filters narrow the walk down it and a page stops after {@code limit} rows.
 */
@Repository
class QueueSearch {

    private static final String COLUMNS = """
            SELECT id, external_id, source_system, department, process, customer_id, name, surname, customer_segment,
                   media_type, state, priority, due_at, queued_at, captured_at, required_skill, target_level,
                   assignee
              FROM work_item
            """;

    /** One page, and where the next one starts (null: this was the last). */
    record Page(List<QueueRow> rows, QueueCursor next) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    QueueSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param departments the departments the caller may see; null: all */
    Page page(QueueFilter filter, Collection<String> departments, QueueSort sort, QueueCursor after, int limit,
            Instant now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE ").append(where(filter, departments, now,
                parameters));
        if (after != null) {
            sql.append(" AND (").append(keyset(sort, after, parameters)).append(')');
        }
        sql.append(" ORDER BY ").append(sort.orderBy()).append(" LIMIT :limit");
        parameters.addValue("limit", limit + 1);
        long shown = after == null ? 0 : after.shown();
        List<QueueRow> rows = new ArrayList<>();
        jdbc.query(sql.toString(), parameters, row -> {
            Instant queuedAt = instant(row.getTimestamp("queued_at"));
            Instant dueAt = instant(row.getTimestamp("due_at"));
            String state = row.getString("state");
            rows.add(new QueueRow(shown + rows.size() + 1, row.getString("id"), row.getString("external_id"),
                    row.getString("source_system"), row.getString("department"), row.getString("process"),
                    row.getString("customer_id"), customer(row.getString("name"), row.getString("surname")),
                    row.getString("customer_segment"), row.getString("media_type"), state,
                    (Integer) row.getObject("priority", Integer.class), dueAt,
                    dueAt != null && dueAt.isBefore(now) && !QueueRow.ended(state), queuedAt,
                    "QUEUED".equals(state) && queuedAt != null ? Duration.between(queuedAt, now).toSeconds() : null,
                    instant(row.getTimestamp("captured_at")), row.getString("required_skill"),
                    row.getString("target_level"), row.getString("assignee")));
        });
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        rows.remove(limit);
        QueueRow last = rows.get(limit - 1);
        return new Page(rows, new QueueCursor(sort, sort.keys().stream().map(key -> last.sortValue(key.column()))
            .toList(), last.id(), shown + limit));
    }

    /** How many items the filter holds (a bulk action's preview); a full count, so not on every page. */
    long count(QueueFilter filter, Collection<String> departments, Instant now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String sql = "SELECT COUNT(*) FROM work_item WHERE " + where(filter, departments, now, parameters);
        return jdbc.queryForObject(sql, parameters, Long.class);
    }

    /** The ids the filter holds, in distribution order (a bulk action's items). */
    List<String> ids(QueueFilter filter, Collection<String> departments, Instant now, int max) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("max", max);
        String sql = "SELECT id FROM work_item WHERE " + where(filter, departments, now, parameters) + " ORDER BY "
                + QueueSort.DISTRIBUTION.orderBy() + " LIMIT :max";
        return jdbc.queryForList(sql, parameters, String.class);
    }

    private static String where(QueueFilter filter, Collection<String> departments, Instant now,
            MapSqlParameterSource parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add("state IN (:states)");
        parameters.addValue("states", filter.states().stream().map(Enum::name).toList());
        if (departments != null) {
            // an empty IN () is no SQL: a department no item has stands in for "none"
            conditions.add("LOWER(department) IN (:visible)");
            parameters.addValue("visible", departments.isEmpty() ? List.of("")
                    : departments.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList());
        }
        equal(conditions, parameters, "department", filter.department());
        equal(conditions, parameters, "process", filter.process());
        equal(conditions, parameters, "customer_segment", filter.segment());
        equal(conditions, parameters, "source_system", filter.sourceSystem());
        equal(conditions, parameters, "target_level", filter.targetLevel());
        equal(conditions, parameters, "required_skill", filter.skill());
        equal(conditions, parameters, "assignee", filter.agent());
        if (filter.overdue() != null) {
            conditions.add(filter.overdue() ? "due_at < :now" : "(due_at IS NULL OR due_at >= :now)");
            parameters.addValue("now", Timestamp.from(now));
        }
        if (filter.dueBefore() != null) {
            conditions.add("due_at < :dueBefore");
            parameters.addValue("dueBefore", Timestamp.from(filter.dueBefore()));
        }
        if (filter.text() != null) {
            conditions.add("(external_id LIKE :prefix ESCAPE '\\' OR customer_id LIKE :prefix ESCAPE '\\' "
                    + "OR LOWER(surname) LIKE :lowerPrefix ESCAPE '\\')");
            String escaped = filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            parameters.addValue("prefix", escaped + "%");
            parameters.addValue("lowerPrefix", escaped.toLowerCase(Locale.ROOT) + "%");
        }
        return String.join(" AND ", conditions);
    }

    private static void equal(List<String> conditions, MapSqlParameterSource parameters, String column, String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(column + " = :" + column);
            parameters.addValue(column, value);
        }
    }

    /**
     * Rows after the cursor in the sort's order: for each key in turn, the keys before it equal to the cursor's and
     * this one after it; the id breaks ties. Nulls come first in a descending key, last in an ascending one.
     */
    private static String keyset(QueueSort sort, QueueCursor after, MapSqlParameterSource parameters) {
        List<String> alternatives = new ArrayList<>();
        List<String> equalSoFar = new ArrayList<>();
        List<QueueSort.Key> keys = sort.keys();
        for (int i = 0; i < keys.size(); i++) {
            QueueSort.Key key = keys.get(i);
            String value = after.values().get(i);
            String column = key.column();
            String name = ":k" + i;
            String later;
            if (value == null) {
                later = key.descending() ? column + " IS NOT NULL" : null;
                equalSoFar.add(column + " IS NULL");
            }
            else {
                parameters.addValue(name.substring(1), key.instant() ? Timestamp.from(Instant.parse(value))
                        : Integer.valueOf(value));
                later = key.descending() ? column + " < " + name : "(" + column + " > " + name + " OR " + column
                        + " IS NULL)";
            }
            if (later != null) {
                List<String> term = new ArrayList<>(equalSoFar.subList(0, i));
                term.add(later);
                alternatives.add(String.join(" AND ", term));
            }
            if (value != null) {
                equalSoFar.add(column + " = " + name);
            }
        }
        parameters.addValue("afterId", after.id());
        List<String> last = new ArrayList<>(equalSoFar);
        last.add("id > :afterId");
        alternatives.add(String.join(" AND ", last));
        return "(" + String.join(") OR (", alternatives) + ")";
    }

    private static String customer(String name, String surname) {
        String full = ((name == null ? "" : name) + " " + (surname == null ? "" : surname)).strip();
        return full.isEmpty() ? null : full;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
