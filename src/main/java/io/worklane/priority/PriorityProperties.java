package io.worklane.priority;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param bands per media type, the range its items' priorities are kept in, whatever the rules say: it lines
 *            work items up with the other media an agent blends with (below voice calls, or overtaking them)
 */
@ConfigurationProperties("worklane.priority")
record PriorityProperties(Map<String, Band> bands) {

    PriorityProperties {
        bands = bands == null ? Map.of() : Map.copyOf(bands);
    }

    /** A media type's band; a missing bound is open. */
    record Band(Integer min, Integer max) {

        int clamp(int priority) {
            int low = min == null ? Integer.MIN_VALUE : min;
            int high = max == null ? Integer.MAX_VALUE : max;
            return Math.max(low, Math.min(high, priority));
        }
    }

    Band band(String mediaType) {
        return bands.getOrDefault(mediaType, new Band(null, null));
    }
}
