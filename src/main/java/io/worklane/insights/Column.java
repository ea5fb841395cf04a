package io.worklane.insights;

import java.util.function.Function;

/** A figure a report shows, computed from its row's {@link Figures}; null where there is nothing to compute it from. */
enum Column {
    NEW("new", "New", "count", f -> f.sum(Measure.NEW_ITEMS)),
    REJECTED("rejected", "Rejected", "count", f -> f.sum(Measure.REJECTED)),
    QUEUED("queued", "Queued", "count", f -> f.sum(Measure.QUEUED)),
    OFFERED("offered", "Offered", "count", f -> f.sum(Measure.OFFERED)),
    ACCEPTED("accepted", "Accepted", "count", f -> f.sum(Measure.ACCEPTED)),
    DECLINED("declined", "Declined", "count", f -> f.sum(Measure.DECLINED)),
    RONA("rona", "RONA", "count", f -> f.sum(Measure.RONA)),
    DONE("done", "Done", "count", f -> f.sum(Measure.DONE)),
    COMPLETED("completed", "Completed", "count", f -> f.sum(Measure.COMPLETED)),
    COMPLETED_WITHIN_SLA("completedWithinSla", "Completed within SLA", "count", f -> f.sum(Measure.COMPLETED_WITHIN_SLA)),
    COMPLETED_OVERDUE("completedOverdue", "Completed overdue", "count", f -> f.sum(Measure.COMPLETED_OVERDUE)),
    CANCELED("canceled", "Canceled", "count", f -> f.sum(Measure.CANCELED)),
    BECAME_OVERDUE("becameOverdue", "Became overdue", "count", f -> f.sum(Measure.BECAME_OVERDUE)),
    SERVICE_LEVEL("serviceLevel", "Service level", "ratio",
            f -> ratio(f.sum(Measure.COMPLETED_WITHIN_SLA), f.sum(Measure.COMPLETED))),
    COMPLETION_RATE("completionRate", "Completed per new", "ratio",
            f -> ratio(f.sum(Measure.COMPLETED), f.sum(Measure.NEW_ITEMS))),
    BACKLOG("backlog", "Backlog at end", "count", f -> f.end == null ? null : f.backlog.get(Measure.BACKLOG_CHANGE)),
    BACKLOG_OVER_DAY("backlogOverDay", "Backlog older than 24 h", "count",
            f -> f.end == null ? null : f.backlog.get(Measure.BACKLOG_DAY_OLD_CHANGE)),
    BACKLOG_AVERAGE_AGE("backlogAverageAgeSeconds", "Average backlog age", "seconds", Column::backlogAge),
    AVERAGE_HANDLE("averageHandleSeconds", "Average handle time", "seconds",
            f -> average(f.sum(Measure.HANDLE_SECONDS), f.sum(Measure.HANDLE_COUNT))),
    P90_HANDLE("p90HandleSeconds", "Handle time, 90th percentile", "seconds", f -> f.percentile('H', 0.9)),
    HANDLE_TOTAL("handleSeconds", "Handle time, total", "seconds", f -> f.sum(Measure.HANDLE_SECONDS)),
    AVERAGE_ACCEPT("averageAcceptSeconds", "Average wait to accept", "seconds",
            f -> average(f.sum(Measure.ACCEPT_SECONDS), f.sum(Measure.ACCEPT_COUNT))),
    P50_ACCEPT("p50AcceptSeconds", "Wait to accept, median", "seconds", f -> f.percentile('A', 0.5)),
    P90_ACCEPT("p90AcceptSeconds", "Wait to accept, 90th percentile", "seconds", f -> f.percentile('A', 0.9)),
    AVERAGE_FINISH("averageFinishSeconds", "Average time to finish", "seconds",
            f -> average(f.sum(Measure.FINISH_SECONDS), f.sum(Measure.FINISH_COUNT))),
    P50_FINISH("p50FinishSeconds", "Time to finish, median", "seconds", f -> f.percentile('F', 0.5)),
    P90_FINISH("p90FinishSeconds", "Time to finish, 90th percentile", "seconds", f -> f.percentile('F', 0.9)),
    PRIORITY_MIN("priorityMin", "Lowest priority", "priority", f -> f.priorityMin),
    PRIORITY_MAX("priorityMax", "Highest priority", "priority", f -> f.priorityMax),
    PRIORITY_AVERAGE("priorityAverage", "Average priority", "priority",
            f -> average(f.sum(Measure.PRIORITY_SUM), f.sum(Measure.PRIORITY_COUNT))),
    VALUE_CAPTURED("valueCaptured", "Value captured", "value", f -> f.valueCaptured),
    VALUE_COMPLETED("valueCompleted", "Value completed", "value", f -> f.valueCompleted),
    READY_TIME("readySeconds", "Time ready", "seconds", f -> f.presence.getOrDefault("READY", 0L)),
    NOT_READY_TIME("notReadySeconds", "Time not ready", "seconds", f -> f.presence.getOrDefault("NOT_READY", 0L)),
    NOT_READY_BY_REASON("notReadySecondsByReason", "Time not ready by reason", "seconds-by-reason",
            f -> new java.util.TreeMap<>(f.notReady)),
    OCCUPANCY("occupancy", "Occupancy (handle time per time logged in)", "ratio",
            f -> ratio(f.sum(Measure.HANDLE_SECONDS),
                    f.presence.getOrDefault("READY", 0L) + f.presence.getOrDefault("NOT_READY", 0L)));

    private final String key;
    private final String label;
    private final String unit;
    private final Function<Figures, Object> value;

    Column(String key, String label, String unit, Function<Figures, Object> value) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.value = value;
    }

    String key() {
        return key;
    }

    String label() {
        return label;
    }

    String unit() {
        return unit;
    }

    Object valueOf(Figures figures) {
        return value.apply(figures);
    }

    /** The duration measure (H, A, F) a percentile column reads; null for the others. */
    String percentileOf() {
        if (!key.startsWith("p50") && !key.startsWith("p90")) {
            return null;
        }
        return key.contains("Handle") ? "H" : key.contains("Accept") ? "A" : "F";
    }

    static Column byKey(String key) {
        for (Column column : values()) {
            if (column.key.equals(key)) {
                return column;
            }
        }
        return null;
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Long average(long sum, long count) {
        return count == 0 ? null : Math.round((double) sum / count);
    }

    private static Long backlogAge(Figures f) {
        Long count = f.backlog.get(Measure.BACKLOG_CHANGE);
        if (f.end == null || count == null || count <= 0) {
            return null;
        }
        long averageSince = f.backlog.get(Measure.BACKLOG_SINCE_CHANGE) / count;
        return Math.max(0, f.end.getEpochSecond() - averageSince);
    }

}
