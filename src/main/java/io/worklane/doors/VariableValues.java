package io.worklane.doors;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Variables are data, never code: a caller who is no administrator may send text, numbers, booleans, dates and
 * JSON, never an {@code Object} (a serialized Java type, which the engine would rebuild), {@code Bytes} or
 * {@code File}.
 */
final class VariableValues {

    private static final Set<String> DATA_TYPES = Set.of("string", "integer", "long", "short", "double", "boolean",
            "date", "null", "json");

    private VariableValues() {
    }

    /**
     * The variables with their typed values as sent: a {@link VariableMap} unwraps a value when it is read as a map
     * entry, which for a serialized object means rebuilding it.
     */
    static Map<String, Object> typed(Map<String, ?> variables) {
        if (variables == null) {
            return null;
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        if (variables instanceof VariableMap map) {
            map.keySet().forEach(name -> typed.put(name, map.getValueTyped(name)));
        }
        else {
            typed.putAll(variables);
        }
        return typed;
    }

    static void requireData(Map<String, ?> variables) {
        if (variables == null) {
            return;
        }
        variables.forEach((name, value) -> {
            if (!isData(value)) {
                throw Refusal.badRequest("Variable '" + name + "' is of type " + typeOf(value)
                        + "; only String, Integer, Long, Short, Double, Boolean, Date and Json values are accepted.");
            }
        });
    }

    static Object plain(Object value) {
        return value instanceof TypedValue typed ? typed.getValue() : value;
    }

    private static boolean isData(Object value) {
        if (value instanceof TypedValue typed) {
            if (typed.getType() == null) {
                return isPlainData(typed.getValue());
            }
            return DATA_TYPES.contains(typed.getType().getName());
        }
        return isPlainData(value);
    }

    private static boolean isPlainData(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Double || value instanceof Date;
    }

    private static String typeOf(Object value) {
        if (value instanceof TypedValue typed && typed.getType() != null) {
            return typed.getType().getName();
        }
        return "Object";
    }
}
