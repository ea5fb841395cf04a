package io.worklane.context;

import java.util.Map;

/**
 * What the sources said about an item.
 *
 * @param values attribute values to apply (the item did not have them, or a source may overwrite them)
 * @param sources per source: {@code status} (OK, CACHED, NOT_FOUND, SKIPPED, FAILED, CIRCUIT_OPEN), the
 * attributes it filled, and the {@code error} when it failed
 */
public record ContextOutcome(Map<String, Object> values, Map<String, Map<String, Object>> sources) {
}
