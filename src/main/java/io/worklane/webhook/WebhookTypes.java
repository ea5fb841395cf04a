package io.worklane.webhook;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.worklane.workitem.WorkItemEventType;

/**
 * What a source system can subscribe to: every change of its items the event log records, named
 * {@code workitem.<event>} in the payload's {@code type}. A subscription that names none gets all but the
 * distribution's inner steps, which a source system does not act on.
 */
final class WebhookTypes {

    private static final Set<WorkItemEventType> INNER_STEPS = EnumSet.of(WorkItemEventType.CONTEXT_LOOKED_UP,
            WorkItemEventType.CLASSIFIED, WorkItemEventType.DECLINED, WorkItemEventType.RONA,
            WorkItemEventType.REPRIORITIZED, WorkItemEventType.PRIORITY_OVERRIDDEN, WorkItemEventType.TARGET_EXPANDED);

    private WebhookTypes() {
    }

    /** The payload's {@code type}, e.g. {@code workitem.returned_to_queue}. */
    static String wireName(WorkItemEventType type) {
        return "workitem." + type.name().toLowerCase(Locale.ROOT);
    }

    static Set<WorkItemEventType> defaults() {
        EnumSet<WorkItemEventType> defaults = EnumSet.allOf(WorkItemEventType.class);
        defaults.removeAll(INNER_STEPS);
        return defaults;
    }

    /** Accepts {@code QUEUED}, {@code queued} and {@code workitem.queued}. */
    static Optional<WorkItemEventType> parse(String name) {
        String plain = name.toUpperCase(Locale.ROOT).replaceFirst("^WORKITEM\\.", "");
        return Arrays.stream(WorkItemEventType.values()).filter(type -> type.name().equals(plain)).findFirst();
    }
}
