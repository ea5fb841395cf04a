package io.worklane.priority;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.worklane.workitem.PriorityTerms;
import io.worklane.workitem.PriorityView;

/**
 * Due dates and priorities: the SLA counted in the service level's business calendar, and the priority an item
 * has now on the curve its schema draws, kept within its media type's band.
 *
 * <p>Precedence: a {@code dueAt} the source system sent replaces the SLA's due date; a {@code priority} it sent
 * replaces the schema's initial priority, and the curve goes on from there.
 */
@Service
public class Prioritization {

    /** An item's priority now, and when it may change next (null: not before its due date). */
    public record Priority(int value, Instant nextChangeAt) {
    }

    private final PriorityRules rules;
    private final PriorityProperties properties;

    Prioritization(PriorityRules rules, PriorityProperties properties) {
        this.rules = rules;
        this.properties = properties;
    }

    /** The instant the SLA's business time has passed, counted from {@code from}. */
    public Instant dueAt(ServiceLevel serviceLevel, Instant from) {
        return rules.calendar(serviceLevel.businessCalendar()).plus(from, serviceLevel.sla());
    }

    /**
     * The item's priority under the given terms and due date (what it has or is about to get); a supervisor's
     * override in force wins until it expires, when the curve takes over again.
     */
    public Priority priorityOf(PriorityView item, PriorityTerms terms, Instant dueAt, Instant now) {
        if (item.override() != null && item.override().activeAt(now)) {
            return new Priority(item.override().priority(), item.override().until());
        }
        return curveOf(item, terms, dueAt, now);
    }

    /** The priority the item's curve gives it, overrides aside. */
    public Priority curveOf(PriorityView item, PriorityTerms terms, Instant dueAt, Instant now) {
        PriorityProperties.Band band = properties.band(item.mediaType());
        PriorityCurve curve = rules.schema(terms.schema(), RuleInputs.of(item))
            .within(band.clamp(terms.minPriority()), band.clamp(terms.maxPriority()))
            .startingFrom(item.requestedPriority());
        Timeline timeline = new Timeline(item.capturedAt(), item.slaStart(), dueAt);
        Optional<Instant> next = curve.nextChangeAfter(timeline, now);
        return new Priority(curve.priorityAt(timeline, now), next.orElse(null));
    }

    /** The item's priority under the terms and due date it has. */
    public Priority priorityOf(PriorityView item, Instant now) {
        if (item.terms() == null) {
            throw new IllegalStateException("work item " + item.id() + " has no service level yet");
        }
        return priorityOf(item, item.terms(), item.dueAt(), now);
    }
}
