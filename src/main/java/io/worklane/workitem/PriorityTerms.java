package io.worklane.workitem;

/**
 * What the service level chose for an item's priority: the schema and the segment's bounds it is drawn in.
 *
 * @param schema the priority schema's name in {@code decisions/priority-schema.dmn}
 * @param minPriority the segment's lowest priority
 * @param maxPriority the segment's highest priority
 * @param businessCalendar the business calendar the due date was counted in
 */
public record PriorityTerms(String schema, int minPriority, int maxPriority, String businessCalendar) {
}
