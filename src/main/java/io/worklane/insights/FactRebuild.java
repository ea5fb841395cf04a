package io.worklane.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Throws the facts away and folds the whole event log and presence history again, with the rules as they are now
 * (a corrected definition is replayed over history). One transaction that holds the fold lock: the reports read the
 * old facts until it commits, live folding waits, and the inbox rows of what it replayed go with it, so that an
 * event written meanwhile is folded exactly once, by whichever of the two saw it.
 */
@Service
public class FactRebuild {

    /**
     * @param eventsPerSecond events replayed per second of the events' part
     * @param presenceMillis the presence history's part
     */
    public record Outcome(long items, long events, long presenceChanges, long millis, long eventsPerSecond,
            long presenceMillis) {
    }

    private static final int ITEMS_PER_CHUNK = 2000;
    private static final int CHANGES_PER_CHUNK = 5000;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final FactSource source;
    private final FactStore store;
    private final FactFolder folder;
    private final FactRetention retention;
    private final FactMonths months;
    private final InsightsProperties properties;
    private final Clock clock;

    FactRebuild(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, FactSource source, FactStore store,
            FactFolder folder, FactRetention retention, FactMonths months, InsightsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.named = named;
        this.source = source;
        this.store = store;
        this.folder = folder;
        this.retention = retention;
        this.months = months;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(timeout = 3600)
    public Outcome rebuild() {
        Instant start = Instant.now();
        store.holdFoldLock();
        store.clear();
        long items = 0;
        long events = 0;
        // the items as they are now, newest first: a restart moves an item's capture time, not its place in the walk
        List<String> all = new ArrayList<>();
        for (List<FactSource.Captured> page = source.itemsBefore(null, 50_000); !page.isEmpty();
                page = source.itemsBefore(page.get(page.size() - 1), 50_000)) {
            page.forEach(item -> all.add(item.id()));
        }
        for (int from = 0; from < all.size(); from += ITEMS_PER_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + ITEMS_PER_CHUNK));
            List<LoggedEvent> timelines = source.timelines(chunk, Long.MAX_VALUE);
            FactDeltas deltas = new FactDeltas(properties.zone(), Grain.INTERVAL, Grain.DAY);
            Map<String, List<LoggedEvent>> byItem = timelines.stream().collect(Collectors.groupingBy(LoggedEvent::itemId));
            byItem.values().forEach(timeline -> FactRules.replay(timeline, id -> true, deltas));
            store.write(deltas);
            takeOutOfInbox("E", timelines.stream().map(LoggedEvent::id).toList());
            items += chunk.size();
            events += timelines.size();
        }
        long eventMillis = Math.max(1, Duration.between(start, Instant.now()).toMillis());
        Instant presenceStart = Instant.now();
        long changes = 0;
        for (List<Long> chunk = source.presenceChangesAfter(0, CHANGES_PER_CHUNK); !chunk.isEmpty();
                chunk = source.presenceChangesAfter(chunk.get(chunk.size() - 1), CHANGES_PER_CHUNK)) {
            FactDeltas deltas = new FactDeltas(properties.zone(), Grain.INTERVAL, Grain.DAY);
            folder.foldPresence(new HashSet<>(chunk), deltas);
            store.write(deltas);
            takeOutOfInbox("P", chunk);
            changes += chunk.size();
        }
        months.sumDaysIntoMonths();
        retention.dropExpired();
        jdbc.update("UPDATE report_fold SET rebuilt_at = ? WHERE id = 1", Timestamp.from(clock.instant()));
        long millis = Math.max(1, Duration.between(start, Instant.now()).toMillis());
        return new Outcome(items, events, changes, millis, events * 1000 / eventMillis,
                Duration.between(presenceStart, Instant.now()).toMillis());
    }

    private void takeOutOfInbox(String kind, List<Long> refs) {
        for (int from = 0; from < refs.size(); from += 10_000) {
            Set<Long> part = new HashSet<>(refs.subList(from, Math.min(refs.size(), from + 10_000)));
            named.update("DELETE FROM report_inbox WHERE kind = :kind AND ref_id IN (:refs)",
                    new MapSqlParameterSource("kind", kind).addValue("refs", part));
        }
    }
}
