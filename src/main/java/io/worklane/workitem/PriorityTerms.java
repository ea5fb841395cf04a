package io.worklane.workitem;

/**
 * What the service level chose for an item's priority: the schema and the segment's bounds it is drawn in.
 *
 * @param schema the priority schema's name in {@code decisions/priority-schema.dmn}
 * @param minPriority the segment's lowest priority
 * @param maxPriority the segment's highest priority
 * @param businessCalendar the business calendar the due date was counted in
 * @param decidedBy the id of the {@code service-level} decision version that chose them (as latest when the
 *            decision started); null: not known, a priority step decides again
 */
public record PriorityTerms(String schema, int minPriority, int maxPriority, String businessCalendar,
        String decidedBy) {

    public PriorityTerms decidedBy(String decisionId) {
        return new PriorityTerms(schema, minPriority, maxPriority, businessCalendar, decisionId);
    }
}
