package io.worklane.insights;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds what the inbox holds into the facts, every second on every node; the node that holds the fold lock (the
 * {@code report_fold} row, taken with SKIP LOCKED) folds, the others let it. A fold is one transaction: the facts
 * change and the inbox rows go together, so an event is counted once even if the node dies half-way.
 */
@Component
class FactFolder {

    private record InboxRow(long id, String kind, long refId) {
    }

    private static final String LOCK = "SELECT id FROM report_fold WHERE id = 1 FOR UPDATE SKIP LOCKED";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final FactSource source;
    private final FactStore store;
    private final TransactionTemplate transactions;
    private final InsightsProperties properties;
    private final Clock clock;
    /** Time spent in folds that folded something, and what they folded: what keeping the facts costs, live. */
    private final Timer foldTime;
    private final Counter folded;

    FactFolder(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, FactSource source, FactStore store,
            TransactionTemplate transactions, InsightsProperties properties, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.named = named;
        this.source = source;
        this.store = store;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.foldTime = Timer.builder("worklane.insights.fold").description("Folds of the report inbox into the facts")
            .register(meters);
        this.folded = Counter.builder("worklane.insights.folded").description("Events and presence changes folded")
            .register(meters);
    }

    @Scheduled(fixedDelayString = "${worklane.insights.fold-interval:PT1S}", initialDelayString = "PT2S")
    void foldWhatIsWaiting() {
        int folded;
        do {
            folded = foldOnce();
        }
        while (folded >= properties.foldBatch());
    }

    /** @return how many inbox rows were folded (0 also when another node holds the lock) */
    int foldOnce() {
        long started = System.nanoTime();
        Integer count = transactions.execute(status -> {
            if (jdbc.queryForList(LOCK, Integer.class).isEmpty()) {
                return 0;
            }
            List<InboxRow> inbox = jdbc.query("SELECT id, kind, ref_id FROM report_inbox ORDER BY id LIMIT ?",
                    (row, i) -> new InboxRow(row.getLong(1), row.getString(2), row.getLong(3)), properties.foldBatch());
            if (inbox.isEmpty()) {
                return 0;
            }
            FactDeltas deltas = new FactDeltas(properties.zone());
            foldEvents(refs(inbox, "E"), deltas);
            foldPresence(refs(inbox, "P"), deltas);
            store.write(deltas);
            named.update("DELETE FROM report_inbox WHERE id IN (:ids)",
                    new MapSqlParameterSource("ids", inbox.stream().map(InboxRow::id).toList()));
            jdbc.update("UPDATE report_fold SET folded_events = folded_events + ?, folded_at = ? WHERE id = 1",
                    inbox.size(), Timestamp.from(clock.instant()));
            return inbox.size();
        });
        if (count != null && count > 0) {
            foldTime.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            folded.increment(count);
        }
        return count == null ? 0 : count;
    }

    /** Replays the timelines of the events' items up to the last of them, counting only these events. */
    void foldEvents(Set<Long> eventIds, FactDeltas deltas) {
        if (eventIds.isEmpty()) {
            return;
        }
        long upTo = eventIds.stream().mapToLong(Long::longValue).max().orElseThrow();
        List<String> items = source.itemsOf(eventIds);
        Map<String, List<LoggedEvent>> timelines = source.timelines(items, upTo).stream()
            .collect(Collectors.groupingBy(LoggedEvent::itemId));
        timelines.values().forEach(timeline -> FactRules.replay(timeline, eventIds::contains, deltas));
    }

    void foldPresence(Set<Long> changeIds, FactDeltas deltas) {
        if (changeIds.isEmpty()) {
            return;
        }
        for (FactSource.PresenceSpan span : source.spansEndedBy(changeIds)) {
            // time logged out is no one's working time: the reports read READY and NOT_READY only
            if (span.from() != null && span.state() != null && !"LOGGED_OUT".equals(span.state())) {
                deltas.presence(span.agentId(), span.state(), span.reason(), span.from(), span.to());
            }
        }
    }

    private static Set<Long> refs(List<InboxRow> inbox, String kind) {
        return inbox.stream().filter(row -> row.kind().equals(kind)).map(InboxRow::refId)
            .collect(Collectors.toCollection(HashSet::new));
    }
}
