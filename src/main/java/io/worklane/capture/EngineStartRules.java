package io.worklane.capture;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.worklane.web.ControlCharacterCheck;
import io.worklane.workitem.CaptureAttribute;

/**
 * The capture API's rules for a {@code work-item} started through Camunda's own doors (engine REST start or
 * start form): only the capture attributes, each with its {@link CaptureAttribute.Type} (no coercion: a number is no
 * text, a fraction no priority), then exactly the checks of {@code POST /api/work-items}, refused with the same
 * problem (invalid-request, the same {@code errors}).
 */
@Component
public class EngineStartRules {

    private final ObjectMapper json;
    private final CaptureRules rules;

    EngineStartRules(ObjectMapper json, CaptureRules rules) {
        this.json = json;
        this.rules = rules;
    }

    /**
     * @param callerSourceSystem the caller's id when it is a source system capturing for itself (the process binds
     *        the item to it), else null: then the variables must name the source system, as the capture body must
     * @return the capture API's refusal of these start variables; empty when the capture API would accept them
     */
    public Optional<ErrorResponseException> refusal(Map<String, ?> variables, String callerSourceSystem) {
        List<CaptureRules.InvalidField> errors = new ArrayList<>();
        ObjectNode body = json.createObjectNode();
        variables.forEach((name, value) -> {
            Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
            Optional<CaptureAttribute> attribute = CaptureAttribute.named(name);
            if (attribute.isEmpty()) {
                errors.add(new CaptureRules.InvalidField(name, "is no capture attribute; use "
                        + CaptureAttribute.fieldNames()));
            }
            else if (plain != null) {
                String problem = put(body, attribute.get(), plain);
                if (problem != null) {
                    errors.add(new CaptureRules.InvalidField(name, problem));
                }
            }
        });
        if (errors.isEmpty()) {
            try {
                CaptureRequest request = json.treeToValue(body, CaptureRequest.class);
                String sourceSystem = request.sourceSystem() != null ? request.sourceSystem() : callerSourceSystem;
                errors.addAll(rules.invalidFields(request, sourceSystem));
            }
            catch (JsonProcessingException e) {
                // as the capture API's reader says it (an instant that is none)
                String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                        ? mapping.getPath().get(0).getFieldName() : "variables";
                errors.add(new CaptureRules.InvalidField(field, "has a value of the wrong type or format"));
            }
        }
        return errors.isEmpty() ? Optional.empty() : Optional.of(CaptureRules.refusal(errors));
    }

    /** Puts the value into the capture body if its type is the attribute's; else says what it must be. */
    private String put(ObjectNode body, CaptureAttribute attribute, Object value) {
        String name = attribute.fieldName();
        switch (attribute.type()) {
            case WHOLE_NUMBER -> {
                if (!(value instanceof Integer || value instanceof Short || value instanceof Long)) {
                    return "must be a whole number (type Integer)";
                }
                long number = ((Number) value).longValue();
                if (number != (int) number) {
                    return "must be between " + attribute.rule().min() + " and " + attribute.rule().max();
                }
                body.put(name, number);
            }
            case DECIMAL -> {
                if (!(value instanceof Integer || value instanceof Long || value instanceof Double)) {
                    return "must be a number (type Double, Integer or Long)";
                }
                body.put(name, new BigDecimal(value.toString()));
            }
            case INSTANT -> {
                if (!(value instanceof String text)) {
                    return "must be an ISO-8601 instant as text (type String), as on the capture API";
                }
                body.put(name, text);
            }
            case OBJECT -> {
                if (!(value instanceof SpinJsonNode node) || !node.isObject()) {
                    return "must be a JSON object (type Json)";
                }
                try {
                    JsonNode attributes = json.readTree(node.toString());
                    if (holdsControlCharacter(attributes)) {
                        return "holds a control character";
                    }
                    body.set(name, attributes);
                }
                catch (JsonProcessingException e) {
                    return "must be a JSON object (type Json)";
                }
            }
            case TEXT -> {
                if (!(value instanceof String text)) {
                    return "must be text (type String)";
                }
                if (ControlCharacterCheck.containsRefused(text)) {
                    return "holds a control character";
                }
                body.put(name, text);
            }
        }
        return null;
    }

    private static boolean holdsControlCharacter(JsonNode node) {
        if (node.isTextual()) {
            return ControlCharacterCheck.containsRefused(node.textValue());
        }
        for (var fields = node.fields(); fields.hasNext();) {
            var field = fields.next();
            if (ControlCharacterCheck.containsRefused(field.getKey()) || holdsControlCharacter(field.getValue())) {
                return true;
            }
        }
        for (JsonNode element : node) {
            if (!node.isObject() && holdsControlCharacter(element)) {
                return true;
            }
        }
        return false;
    }
}
