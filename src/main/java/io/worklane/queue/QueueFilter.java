package io.worklane.queue;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemState;

/**
 * What the queue page asks for; every field is optional. {@code states} empty: QUEUED (the queue proper).
 *
 * @param agent the agent holding the item
 * @param text the start of an external id or customer id, or of the customer's surname (any case)
 */
record QueueFilter(List<WorkItemState> states, String department, String process, String segment,
        String sourceSystem, String targetLevel, String skill, String agent, Boolean overdue, Instant dueBefore,
        String text) {

    QueueFilter {
        states = states == null || states.isEmpty() ? List.of(WorkItemState.QUEUED) : List.copyOf(states);
        text = text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * The filter a saved filter or a bulk action names: the queue page's parameters as JSON (texts, or lists of
     * texts for state); {@code sort} is ignored.
     */
    static QueueFilter from(Map<String, Object> query) {
        Map<String, Object> q = query == null ? Map.of() : query;
        for (String name : q.keySet()) {
            if (!SavedFilters.PARAMETERS.contains(name)) {
                throw Problems.invalid("'" + name + "' is no queue filter.");
            }
        }
        List<WorkItemState> states = new ArrayList<>();
        Object state = q.get("state");
        for (Object value : state instanceof List<?> list ? list : state == null ? List.of() : List.of(state)) {
            try {
                states.add(WorkItemState.valueOf(String.valueOf(value)));
            }
            catch (IllegalArgumentException e) {
                throw Problems.invalid("'" + value + "' is no work item state.");
            }
        }
        Boolean overdue = null;
        if (q.get("overdue") != null) {
            String text = text(q, "overdue");
            if (!text.equals("true") && !text.equals("false")) {
                throw Problems.invalid("'overdue' is true or false.");
            }
            overdue = Boolean.valueOf(text);
        }
        Instant dueBefore = null;
        if (q.get("dueBefore") != null) {
            try {
                dueBefore = Instant.parse(text(q, "dueBefore"));
            }
            catch (DateTimeParseException e) {
                throw Problems.invalid("'dueBefore' is an ISO-8601 instant, e.g. 2026-11-23T09:00:00Z.");
            }
        }
        return new QueueFilter(states, text(q, "department"), text(q, "process"), text(q, "segment"),
                text(q, "sourceSystem"), text(q, "targetLevel"), text(q, "skill"), text(q, "agent"), overdue,
                dueBefore, text(q, "q"));
    }

    private static String text(Map<String, Object> query, String name) {
        Object value = query.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw Problems.invalid("'" + name + "' is a text.");
        }
        return text;
    }
}
