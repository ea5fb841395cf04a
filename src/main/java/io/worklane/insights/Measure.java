package io.worklane.insights;

/** The additive columns of {@code report_fact} (db/migration V16). */
enum Measure {
    NEW_ITEMS, REJECTED, QUEUED, OFFERED, ACCEPTED, DECLINED, RONA, DONE, COMPLETED, COMPLETED_WITHIN_SLA,
    COMPLETED_OVERDUE, CANCELED, BECAME_OVERDUE,
    /** Backlog: +1 when an item enters it, -1 when it leaves; the backlog at a period's end is the sum up to it. */
    BACKLOG_CHANGE,
    /** The epoch seconds an item has been in the backlog since, added and taken away with it: the backlog's age. */
    BACKLOG_SINCE_CHANGE,
    /** +1 when an item in the backlog turns a day old, -1 when such an item leaves. */
    BACKLOG_DAY_OLD_CHANGE,
    HANDLE_SECONDS, HANDLE_COUNT, ACCEPT_SECONDS, ACCEPT_COUNT, FINISH_SECONDS, FINISH_COUNT, PRIORITY_SUM,
    PRIORITY_COUNT;

    String column() {
        return this == BACKLOG_DAY_OLD_CHANGE ? "backlog_day_old_change" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
