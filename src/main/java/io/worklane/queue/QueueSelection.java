package io.worklane.queue;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.worklane.security.Caller;
import io.worklane.security.Supervision;

/** The items a queue filter holds for a caller, for actions on a whole filter. */
@Service
public class QueueSelection {

    /** @param total how many the filter holds; {@code ids} the first of them in distribution order */
    public record Selection(long total, List<String> ids) {
    }

    private final QueueSearch search;
    private final Supervision supervision;
    private final Clock clock;

    QueueSelection(QueueSearch search, Supervision supervision, Clock clock) {
        this.search = search;
        this.supervision = supervision;
        this.clock = clock;
    }

    /** @param query the queue page's parameters (texts; state a list of texts); a bad one is a 400 */
    @Transactional(readOnly = true)
    public long count(Map<String, Object> query, Caller caller) {
        return search.count(QueueFilter.from(query), supervision.departmentsOf(caller), clock.instant());
    }

    @Transactional(readOnly = true)
    public Selection select(Map<String, Object> query, Caller caller, int max) {
        QueueFilter filter = QueueFilter.from(query);
        var departments = supervision.departmentsOf(caller);
        var now = clock.instant();
        return new Selection(search.count(filter, departments, now), search.ids(filter, departments, now, max));
    }
}
