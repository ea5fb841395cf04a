package io.worklane.insights;

import static io.worklane.insights.Column.*;
import static io.worklane.insights.Dimension.*;

import java.util.List;

/**
 * The historical reports the seeds name, each a view of the same facts: what it groups by, the columns it shows and
 * the ones it charts over time. Task Detail and Task Work Detail read the items themselves (TaskReports).
 */
enum Report {
    INTRADAY_PROCESS("intraday-process", "Intraday Process",
            "Throughput, completions within and past their SLA, finish and handle times per process (the Intraday "
                    + "Process Report; its chart is the Intraday Process Dashboard).",
            List.of(DEPARTMENT, PROCESS),
            List.of(NEW, COMPLETED, COMPLETED_WITHIN_SLA, COMPLETED_OVERDUE, SERVICE_LEVEL, CANCELED, BACKLOG,
                    AVERAGE_FINISH, P90_FINISH, AVERAGE_HANDLE),
            "bar", List.of(NEW, COMPLETED, COMPLETED_OVERDUE)),
    CUSTOMER_SEGMENT_SERVICE_LEVEL("customer-segment-service-level", "Customer Segment Service Level",
            "New and completed items and the share completed within their SLA, by customer segment and process.",
            List.of(SEGMENT, PROCESS), List.of(NEW, COMPLETED, COMPLETED_WITHIN_SLA, SERVICE_LEVEL, COMPLETION_RATE),
            "line", List.of(SERVICE_LEVEL)),
    RESOURCE_PERFORMANCE("resource-performance", "Resource Performance",
            "How each agent handled work: offers, answers, items done, handle times, time ready and not ready, "
                    + "occupancy (the Resource Performance Report; its chart is the dashboard).",
            List.of(AGENT),
            List.of(OFFERED, ACCEPTED, DECLINED, RONA, DONE, AVERAGE_HANDLE, P90_HANDLE, HANDLE_TOTAL, READY_TIME,
                    NOT_READY_TIME, NOT_READY_BY_REASON, OCCUPANCY),
            "bar", List.of(DONE, RONA)),
    AGENT_ACTIVITY("agent-activity", "Agent Activity",
            "Agent activity over time, with the time not ready per reason code (IWD Agent Activity over history).",
            List.of(AGENT), List.of(OFFERED, ACCEPTED, DECLINED, RONA, DONE, READY_TIME, NOT_READY_TIME, NOT_READY_BY_REASON,
                    OCCUPANCY),
            "line", List.of(READY_TIME, NOT_READY_TIME)),
    QUEUE_ACTIVITY("queue-activity", "Queue Activity",
            "What the queue took in and gave out per department and process (IWD Queue Activity over history).",
            List.of(DEPARTMENT, PROCESS),
            List.of(QUEUED, OFFERED, ACCEPTED, DECLINED, RONA, COMPLETED, AVERAGE_ACCEPT, P90_ACCEPT, SERVICE_LEVEL),
            "bar", List.of(QUEUED, ACCEPTED)),
    INTRADAY_BACKLOG("intraday-backlog", "Intraday Backlog Summary",
            "Open items at each period's end, how many are older than 24 hours and their average age, with arrivals "
                    + "and completions.",
            List.of(DEPARTMENT, PROCESS), List.of(BACKLOG, BACKLOG_OVER_DAY, BACKLOG_AVERAGE_AGE, NEW, COMPLETED, CANCELED),
            "line", List.of(BACKLOG, BACKLOG_OVER_DAY)),
    PROCESS_VOLUME("process-volume", "Process Volume",
            "Items captured, rejected, queued, completed and canceled per process.", List.of(DEPARTMENT, PROCESS),
            List.of(NEW, REJECTED, QUEUED, COMPLETED, CANCELED), "bar", List.of(NEW, COMPLETED, CANCELED)),
    CAPTURE_POINT_BUSINESS_VALUE("capture-point-business-value", "Capture Point Business Value",
            "The business value (deal value) captured and completed per source system.", List.of(SOURCE_SYSTEM),
            List.of(NEW, VALUE_CAPTURED, COMPLETED, VALUE_COMPLETED, CANCELED), "bar",
            List.of(VALUE_CAPTURED, VALUE_COMPLETED)),
    CAPTURE_POINT_TASK_DURATION("capture-point-task-duration", "Capture Point Task Duration",
            "How long the items of each source system took from capture to completion.", List.of(SOURCE_SYSTEM),
            List.of(COMPLETED, AVERAGE_FINISH, P50_FINISH, P90_FINISH, SERVICE_LEVEL), "line",
            List.of(AVERAGE_FINISH, P90_FINISH)),
    QUEUE_PRIORITY_RANGE("queue-priority-range", "Queue Priority Range",
            "The lowest, highest and average priority items had in the queue (queued, reprioritized, offered).",
            List.of(DEPARTMENT, PROCESS), List.of(PRIORITY_MIN, PRIORITY_MAX, PRIORITY_AVERAGE, QUEUED, OFFERED), "line",
            List.of(PRIORITY_MIN, PRIORITY_AVERAGE, PRIORITY_MAX)),
    QUEUE_TASK_DURATION("queue-task-duration", "Queue Task Duration",
            "How long items waited in the queue before an agent took them, and how long agents handled them.",
            List.of(DEPARTMENT, PROCESS),
            List.of(ACCEPTED, AVERAGE_ACCEPT, P50_ACCEPT, P90_ACCEPT, DONE, AVERAGE_HANDLE, P90_HANDLE), "line",
            List.of(AVERAGE_ACCEPT, P90_ACCEPT)),
    TASK_DETAIL("task-detail", "Task Detail",
            "Each item captured in the range as its customer saw it: when it came, waited, was handled and finished.",
            List.of(), List.of(), null, List.of()),
    TASK_WORK_DETAIL("task-work-detail", "Task Work Detail",
            "Each agent's part in the items captured in the range: when they took it, for how long and how it ended.",
            List.of(), List.of(), null, List.of());

    private final String id;
    private final String title;
    private final String description;
    private final List<Dimension> dimensions;
    private final List<Column> columns;
    private final String chartType;
    private final List<Column> charted;

    Report(String id, String title, String description, List<Dimension> dimensions, List<Column> columns,
            String chartType, List<Column> charted) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.dimensions = dimensions;
        this.columns = columns;
        this.chartType = chartType;
        this.charted = charted;
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    List<Dimension> dimensions() {
        return dimensions;
    }

    List<Column> columns() {
        return columns;
    }

    String chartType() {
        return chartType;
    }

    List<Column> charted() {
        return charted;
    }

    boolean readsItems() {
        return this == TASK_DETAIL || this == TASK_WORK_DETAIL;
    }

    /** Whether its rows are per agent, with the agents' presence beside their work. */
    boolean perAgent() {
        return dimensions.contains(AGENT);
    }

    static Report byId(String id) {
        for (Report report : values()) {
            if (report.id.equals(id)) {
                return report;
            }
        }
        return null;
    }
}
