package io.worklane.workitem;

import java.time.Instant;

import jakarta.persistence.Embeddable;

/**
 * What a work item's priority curve is drawn with, when its next step is due, and when it turned overdue.
 * Columns of {@code work_item} (V4, V21).
 */
@Embeddable
class PriorityState {

    private String prioritySchema;
    private Integer minPriority;
    private Integer maxPriority;
    private String businessCalendar;
    private String serviceLevelRules;
    private Instant nextReprioritizationAt;
    private Instant overdueAt;
    private Integer priorityOverride;
    private Instant priorityOverrideUntil;
    private String priorityOverrideBy;

    void terms(PriorityTerms terms) {
        prioritySchema = terms.schema();
        minPriority = terms.minPriority();
        maxPriority = terms.maxPriority();
        businessCalendar = terms.businessCalendar();
        serviceLevelRules = terms.decidedBy();
    }

    void decidedBy(String decisionId) {
        serviceLevelRules = decisionId;
    }

    PriorityTerms terms() {
        return prioritySchema == null ? null
                : new PriorityTerms(prioritySchema, minPriority, maxPriority, businessCalendar,
                        serviceLevelRules);
    }

    void nextStepAt(Instant next) {
        nextReprioritizationAt = next;
    }

    /** A new due date (reclassify, reschedule) may lie ahead again. */
    void dueAt(Instant dueAt, Instant now) {
        if (overdueAt != null && dueAt.isAfter(now)) {
            overdueAt = null;
        }
    }

    /** @return whether this is news: the item was not overdue before */
    boolean overdue(Instant now) {
        nextReprioritizationAt = null;
        if (overdueAt != null) {
            return false;
        }
        overdueAt = now;
        return true;
    }

    void override(PriorityOverride override) {
        priorityOverride = override == null ? null : override.priority();
        priorityOverrideUntil = override == null ? null : override.until();
        priorityOverrideBy = override == null ? null : override.by();
    }

    /** The override in force now; null when there is none or it has expired. */
    PriorityOverride override(Instant now) {
        if (priorityOverride == null) {
            return null;
        }
        PriorityOverride override = new PriorityOverride(priorityOverride, priorityOverrideUntil, priorityOverrideBy);
        return override.activeAt(now) ? override : null;
    }

    String schema() {
        return prioritySchema;
    }

    String businessCalendar() {
        return businessCalendar;
    }

    Instant nextReprioritizationAt() {
        return nextReprioritizationAt;
    }

    Instant overdueAt() {
        return overdueAt;
    }
}
