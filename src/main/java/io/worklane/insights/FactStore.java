package io.worklane.insights;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes {@link FactDeltas} to {@code report_fact}, {@code report_duration} and {@code report_presence}: an update
 * that adds to the row, and an insert where there was none. Only the holder of the fold lock writes (FactFolder),
 * so no two inserts of one row race.
 */
@Repository
class FactStore {

    private static final Measure[] MEASURES = Measure.values();
    private static final String FACT_KEY = "grain = ? AND period_start = ? AND department = ? AND process = ? "
            + "AND customer_segment = ? AND source_system = ? AND media_type = ? AND agent_id = ?";
    private static final String UPDATE_FACT = "UPDATE report_fact SET "
            + Arrays.stream(MEASURES).map(m -> m.column() + " = " + m.column() + " + ?").collect(Collectors.joining(", "))
            + ", priority_min = LEAST(COALESCE(priority_min, ?), COALESCE(?, priority_min))"
            + ", priority_max = GREATEST(COALESCE(priority_max, ?), COALESCE(?, priority_max))"
            + ", value_captured = value_captured + ?, value_completed = value_completed + ? WHERE " + FACT_KEY;
    private static final String INSERT_FACT = "INSERT INTO report_fact (grain, period_start, department, process, "
            + "customer_segment, source_system, media_type, agent_id, "
            + Arrays.stream(MEASURES).map(Measure::column).collect(Collectors.joining(", "))
            + ", priority_min, priority_max, value_captured, value_completed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
            + Arrays.stream(MEASURES).map(m -> "?").collect(Collectors.joining(", ")) + ", ?, ?, ?, ?)";
    private static final String UPDATE_DURATION = "UPDATE report_duration SET n = n + ? WHERE " + FACT_KEY
            + " AND measure = ? AND bucket = ?";
    private static final String INSERT_DURATION = "INSERT INTO report_duration (n, grain, period_start, department, "
            + "process, customer_segment, source_system, media_type, agent_id, measure, bucket) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_PRESENCE = "UPDATE report_presence SET seconds = seconds + ? "
            + "WHERE grain = ? AND period_start = ? AND agent_id = ? AND state = ? AND reason = ?";
    private static final String INSERT_PRESENCE = "INSERT INTO report_presence (seconds, grain, period_start, agent_id, "
            + "state, reason) VALUES (?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    FactStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // the types of every argument: a null without its type costs the driver a round trip to ask for it
    private static final int[] KEY_TYPES = { Types.CHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR };
    private static final int[] UPDATE_FACT_TYPES = types(repeat(Types.BIGINT, MEASURES.length),
            new int[] { Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.NUMERIC, Types.NUMERIC },
            KEY_TYPES);
    private static final int[] INSERT_FACT_TYPES = types(KEY_TYPES, repeat(Types.BIGINT, MEASURES.length),
            new int[] { Types.INTEGER, Types.INTEGER, Types.NUMERIC, Types.NUMERIC });
    private static final int[] DURATION_TYPES = types(new int[] { Types.BIGINT }, KEY_TYPES,
            new int[] { Types.CHAR, Types.INTEGER });
    private static final int[] PRESENCE_TYPES = { Types.BIGINT, Types.CHAR, Types.TIMESTAMP_WITH_TIMEZONE,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR };

    void write(FactDeltas deltas) {
        upsert(deltas.rows(), UPDATE_FACT, INSERT_FACT, FactStore::factUpdate, FactStore::factInsert,
                UPDATE_FACT_TYPES, INSERT_FACT_TYPES);
        upsert(deltas.durations(), UPDATE_DURATION, INSERT_DURATION, FactStore::duration, FactStore::duration,
                DURATION_TYPES, DURATION_TYPES);
        upsert(deltas.presence(), UPDATE_PRESENCE, INSERT_PRESENCE, FactStore::presence, FactStore::presence,
                PRESENCE_TYPES, PRESENCE_TYPES);
    }

    private static int[] repeat(int type, int times) {
        int[] types = new int[times];
        Arrays.fill(types, type);
        return types;
    }

    private static int[] types(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }

    /**
     * Takes the fold lock for this transaction, waiting for a fold under way (a second) or a rebuild (its whole
     * length): FactRebuild and FactRetention change the facts as a whole. FactFolder does not wait (SKIP LOCKED).
     */
    void holdFoldLock() {
        jdbc.queryForList("SELECT id FROM report_fold WHERE id = 1 FOR UPDATE", Integer.class);
    }

    /** Everything the facts hold: before a rebuild. */
    void clear() {
        jdbc.update("DELETE FROM report_fact");
        jdbc.update("DELETE FROM report_duration");
        jdbc.update("DELETE FROM report_presence");
    }

    private interface Arguments<K, V> {
        Object[] of(K key, V value);
    }

    private <K, V> void upsert(Map<K, V> changes, String update, String insert, Arguments<K, V> updateArguments,
            Arguments<K, V> insertArguments, int[] updateTypes, int[] insertTypes) {
        if (changes.isEmpty()) {
            return;
        }
        List<Map.Entry<K, V>> entries = new ArrayList<>(changes.entrySet());
        int[] updated = jdbc.batchUpdate(update, entries.stream().map(e -> updateArguments.of(e.getKey(), e.getValue()))
            .toList(), updateTypes);
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(insertArguments.of(entries.get(i).getKey(), entries.get(i).getValue()));
            }
        }
        if (!missing.isEmpty()) {
            jdbc.batchUpdate(insert, missing, insertTypes);
        }
    }

    private static Object[] key(FactDeltas.Key key) {
        Dims d = key.dims();
        return new Object[] { key.grain().code(), key.period().atOffset(java.time.ZoneOffset.UTC), d.department(), d.process(), d.segment(),
                d.sourceSystem(), d.mediaType(), key.agent() };
    }

    private static Object[] factUpdate(FactDeltas.Key key, FactDeltas.Row row) {
        List<Object> arguments = new ArrayList<>();
        Arrays.stream(row.counts).forEach(arguments::add);
        arguments.addAll(Arrays.asList(row.priorityMin, row.priorityMin, row.priorityMax, row.priorityMax,
                row.valueCaptured, row.valueCompleted));
        arguments.addAll(Arrays.asList(key(key)));
        return arguments.toArray();
    }

    private static Object[] factInsert(FactDeltas.Key key, FactDeltas.Row row) {
        List<Object> arguments = new ArrayList<>(Arrays.asList(key(key)));
        Arrays.stream(row.counts).forEach(arguments::add);
        arguments.addAll(Arrays.asList(row.priorityMin, row.priorityMax, row.valueCaptured, row.valueCompleted));
        return arguments.toArray();
    }

    private static Object[] duration(FactDeltas.DurationKey key, Long n) {
        List<Object> arguments = new ArrayList<>(List.of(n));
        arguments.addAll(Arrays.asList(key(key.fact())));
        arguments.add(String.valueOf(key.measure()));
        arguments.add(key.bucket());
        return arguments.toArray();
    }

    private static Object[] presence(FactDeltas.PresenceKey key, Long seconds) {
        return new Object[] { seconds, key.grain().code(), key.period().atOffset(java.time.ZoneOffset.UTC), key.agent(), key.state(),
                key.reason() };
    }
}
