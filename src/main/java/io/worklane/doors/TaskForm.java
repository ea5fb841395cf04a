package io.worklane.doors;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.spin.json.SpinJsonNode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields a Camunda Form lets a person submit (keyed, not disabled), with their types and allowed values: a task
 * completion through any door sets these and nothing else. Options named by {@code valuesKey} are read from the
 * task's variables when the completion arrives, as the form itself showed them.
 */
record TaskForm(Map<String, Field> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TEXT = Set.of("textfield", "textarea", "select", "radio");
    /** A text field with no maxLength of its own still has one: a form is no upload door. */
    private static final int DEFAULT_MAX_LENGTH = 2000;

    /** @param values the allowed values (null: free input); @param valuesKey the variable listing them */
    record Field(String key, String type, List<String> values, String valuesKey, int maxLength) {
    }

    /** The task variables that list a field's options ({@code valuesKey}). */
    List<String> optionVariables() {
        return fields.values().stream().map(Field::valuesKey).filter(java.util.Objects::nonNull).toList();
    }

    static TaskForm parse(InputStream schema) {
        try (schema) {
            Map<String, Field> fields = new LinkedHashMap<>();
            collect(JSON.readTree(schema).path("components"), fields);
            return new TaskForm(Map.copyOf(fields));
        }
        catch (IOException e) {
            throw new IllegalStateException("Unreadable deployed form", e);
        }
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            collect(component.path("components"), fields);
            String key = component.path("key").asText(null);
            String type = component.path("type").asText("");
            boolean submitted = key != null && !component.path("disabled").asBoolean(false)
                    && (TEXT.contains(type) || type.equals("number") || type.equals("checkbox"));
            if (!submitted) {
                continue;
            }
            List<String> values = null;
            if (component.path("values").isArray()) {
                values = new ArrayList<>();
                for (JsonNode option : component.path("values")) {
                    values.add(option.path("value").asText());
                }
            }
            int maxLength = component.path("validate").path("maxLength").asInt(DEFAULT_MAX_LENGTH);
            fields.put(key, new Field(key, type, values, component.path("valuesKey").asText(null), maxLength));
        }
    }

    /**
     * Refuses a completion that sets anything the form does not declare, or a value of the wrong type or outside
     * the field's options. @param variableOfTask reads the task's variables (for dynamic options)
     */
    void check(Map<String, ?> submitted, Function<String, Object> variableOfTask) {
        if (submitted == null) {
            return;
        }
        submitted.forEach((name, raw) -> {
            Field field = fields.get(name);
            if (field == null) {
                throw Refusal.badRequest("'" + name + "' is no field of this task's form; it takes "
                        + fields.keySet().stream().sorted().toList() + ".");
            }
            Object value = VariableValues.plain(raw);
            if (value == null) {
                return;
            }
            switch (field.type()) {
                case "number" -> require(value instanceof Number, name, "a number");
                case "checkbox" -> require(value instanceof Boolean, name, "true or false");
                default -> {
                    require(value instanceof String, name, "text");
                    require(((String) value).length() <= field.maxLength(), name,
                            "at most " + field.maxLength() + " characters");
                    List<String> allowed = field.values() != null ? field.values()
                            : field.valuesKey() != null ? options(variableOfTask.apply(field.valuesKey())) : null;
                    if (allowed != null && !allowed.contains(value)) {
                        throw Refusal.badRequest("'" + value + "' is no choice of " + name + "; choose one of "
                                + allowed + ".");
                    }
                }
            }
        });
    }

    private static void require(boolean condition, String name, String what) {
        if (!condition) {
            throw Refusal.badRequest(name + " must be " + what + ".");
        }
    }

    /** The values of an options list as Worklane stores it for a form: a JSON array of {label, value}. */
    private static List<String> options(Object list) {
        List<String> values = new ArrayList<>();
        if (list instanceof SpinJsonNode node && node.isArray()) {
            node.elements().forEach(option -> values.add(option.prop("value").stringValue()));
        }
        return values;
    }
}
