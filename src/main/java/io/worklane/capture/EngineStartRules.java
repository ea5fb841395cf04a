package io.worklane.capture;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.worklane.web.ControlCharacterCheck;
import io.worklane.workitem.WorkItemProcess;
import jakarta.validation.Validator;

/**
 * The capture API's rules for a {@code work-item} started through Camunda's own doors (engine REST start or
 * start form): only the capture attributes, each with its type (no coercion: a number is no text, a fraction no
 * priority), then exactly the checks of {@code POST /api/work-items}.
 */
@Component
public class EngineStartRules {

    private final ObjectMapper json;
    private final Validator validator;
    private final CaptureRules rules;

    EngineStartRules(ObjectMapper json, Validator validator, CaptureRules rules) {
        this.json = json;
        this.validator = validator;
        this.rules = rules;
    }

    /** @return what is wrong with these start variables; empty when the capture API would accept them */
    public List<String> problems(Map<String, ?> variables) {
        List<String> problems = new ArrayList<>();
        ObjectNode body = json.createObjectNode();
        variables.forEach((name, value) -> {
            Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
            if (!WorkItemProcess.CAPTURE_VARIABLES.contains(name)) {
                problems.add("'" + name + "' is no capture attribute; use " + WorkItemProcess.CAPTURE_VARIABLES);
            }
            else if (plain != null) {
                String problem = put(body, name, plain);
                if (problem != null) {
                    problems.add(name + " " + problem);
                }
            }
        });
        if (!problems.isEmpty()) {
            return problems;
        }
        try {
            CaptureRequest request = json.treeToValue(body, CaptureRequest.class);
            validator.validate(request)
                .forEach(violation -> problems.add(violation.getPropertyPath() + " " + violation.getMessage()));
            if (problems.isEmpty()) {
                rules.check(request);
            }
        }
        catch (JsonProcessingException e) {
            problems.add(e.getOriginalMessage());
        }
        catch (ErrorResponseException refused) {
            problems.add(refused.getBody().getDetail());
        }
        return problems;
    }

    /** Puts the value into the capture body if its type is the attribute's; else says what it must be. */
    private String put(ObjectNode body, String name, Object value) {
        switch (name) {
            case WorkItemProcess.PRIORITY -> {
                if (!(value instanceof Integer || value instanceof Short || value instanceof Long)) {
                    return "must be a whole number (type Integer)";
                }
                body.put(name, ((Number) value).longValue());
            }
            case WorkItemProcess.DEAL_VALUE -> {
                if (!(value instanceof Integer || value instanceof Long || value instanceof Double)) {
                    return "must be a number (type Double, Integer or Long)";
                }
                body.put(name, new BigDecimal(value.toString()));
            }
            case WorkItemProcess.ACTIVATION_AT, WorkItemProcess.DUE_AT -> {
                if (!(value instanceof String text)) {
                    return "must be an ISO-8601 instant as text (type String), as on the capture API";
                }
                body.put(name, text);
            }
            case WorkItemProcess.ATTRIBUTES -> {
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
            default -> {
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
