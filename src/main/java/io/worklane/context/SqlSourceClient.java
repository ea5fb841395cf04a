package io.worklane.context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** A named query on a data source of its own; the first row's configured columns are the answer. */
class SqlSourceClient implements SourceClient, AutoCloseable {

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z][A-Za-z0-9_]*)");

    private final ContextProperties.Source source;
    private final HikariDataSource dataSource;
    private final NamedParameterJdbcTemplate jdbc;
    private final List<String> parameters;

    SqlSourceClient(ContextProperties.Source source) {
        this.source = source;
        if (source.jdbcUrl() == null || source.query() == null || source.query().isBlank()) {
            throw new IllegalStateException("Context source '" + source.name() + "' (SQL) needs jdbc-url and query.");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("context-" + source.name());
        config.setJdbcUrl(source.jdbcUrl());
        config.setUsername(source.username());
        config.setPassword(source.password());
        config.setMaximumPoolSize(2);
        config.setReadOnly(true);
        config.setConnectionTimeout(Math.max(250, source.timeout().toMillis()));
        // a source that is down must not stop Worklane from starting
        config.setInitializationFailTimeout(-1);
        this.dataSource = new HikariDataSource(config);
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setQueryTimeout((int) Math.max(1, Math.ceil(source.timeout().toMillis() / 1000.0)));
        template.setMaxRows(1);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        Matcher matcher = PARAMETER.matcher(source.query());
        List<String> names = new java.util.ArrayList<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        this.parameters = List.copyOf(names);
    }

    @Override
    public Optional<String> request(Map<String, Object> item) {
        StringBuilder key = new StringBuilder();
        for (String name : parameters) {
            Object value = item.get(name);
            if (value == null || value.toString().isBlank()) {
                return Optional.empty();
            }
            key.append(name).append('=').append(value).append(';');
        }
        return Optional.of(key.toString());
    }

    @Override
    public Optional<Map<String, Object>> fetch(Map<String, Object> item) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        parameters.forEach(name -> arguments.put(name, item.get(name)));
        List<Map<String, Object>> rows;
        try {
            rows = jdbc.queryForList(source.query(), arguments);
        }
        catch (BadSqlGrammarException e) {
            throw new SourceFailure("query rejected: " + e.getMostSpecificCause().getMessage(), false, e);
        }
        catch (DataAccessException e) {
            throw new SourceFailure("query failed: " + e.getMostSpecificCause().getMessage(), true, e);
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = new LinkedHashMap<>();
        rows.get(0).forEach((column, value) -> row.put(column.toLowerCase(), value));
        Map<String, Object> attributes = new LinkedHashMap<>();
        source.attributes().forEach((attribute, column) -> {
            Object value = row.get(column.toLowerCase());
            if (value instanceof java.math.BigDecimal decimal) {
                value = decimal.scale() <= 0 ? (Object) decimal.longValue() : decimal.doubleValue();
            }
            else if (value instanceof java.sql.Date date) {
                value = date.toLocalDate().toString();
            }
            else if (value instanceof java.sql.Time time) {
                value = time.toLocalTime().toString();
            }
            else if (value instanceof java.util.Date date) {
                value = date.toInstant().toString();
            }
            // only scalars become attributes: arrays, LOBs and the like are left out
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                attributes.put(attribute, value);
            }
        });
        return Optional.of(attributes);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
