package io.worklane.capture;

import static io.worklane.workitem.WorkItemProcess.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.worklane.workitem.CaptureAttribute;
import io.worklane.workitem.NewWorkItem;
import io.worklane.workitem.WorkItemView;

/**
 * Maps between the capture body and the process variables. Variables are plain types (strings, numbers, ISO-8601
 * strings for instants) so that DMN, forms, timers and the engine REST API all read them alike.
 */
final class CaptureVariables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CaptureVariables() {
    }

    /** The request's attributes as process variables; one left out stays absent (read as null, it needs no row). */
    static VariableMap from(CaptureRequest request, String sourceSystem) {
        Map<String, Object> attributes = request.attributes() == null ? null : new LinkedHashMap<>(request.attributes());
        VariableMap variables = Variables.createVariables()
            .putValue(EXTERNAL_ID, request.externalId())
            .putValue(SOURCE_SYSTEM, sourceSystem)
            .putValue(DEPARTMENT, request.department())
            .putValue(PROCESS, request.process())
            .putValue(CUSTOMER_ID, request.customerId())
            .putValue(CUSTOMER_SEGMENT, request.customerSegment())
            .putValue(PRODUCT, request.product())
            .putValue(SUBPRODUCT, request.subproduct())
            .putValue(REQUEST_TYPE, request.requestType())
            .putValue(DEAL_VALUE, request.dealValue() == null ? null : request.dealValue().doubleValue())
            .putValue(DESCRIPTION, request.description())
            .putValue(CONTACT_NUMBER, request.contactNumber())
            .putValue(ALTERNATIVE_CONTACT_NUMBER, request.alternativeContactNumber())
            .putValue(NAME, request.name())
            .putValue(SURNAME, request.surname())
            .putValue(PREFERRED_AGENT, request.preferredAgent())
            .putValue(ACTIVATION_AT, request.activationAt() == null ? null : request.activationAt().toString())
            .putValue(DUE_AT, request.dueAt() == null ? null : request.dueAt().toString())
            .putValue(PRIORITY, request.priority())
            .putValue(SOURCE_URL, request.sourceUrl())
            .putValue(MEDIA_TYPE, request.mediaType() == null ? DEFAULT_MEDIA_TYPE : request.mediaType())
            .putValue(ATTRIBUTES, attributes == null ? null : Variables.objectValue(attributes)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                .create());
        List.copyOf(variables.keySet()).stream().filter(name -> variables.get(name) == null).forEach(variables::remove);
        // the exact values (money as BigDecimal) for the row, in memory only: the variables above serve the rules
        variables.putValueTyped(SUBMITTED_ATTRIBUTES, Variables.objectValue(new Submitted(request, sourceSystem), true)
            .create());
        return variables;
    }

    /** What the API validated, as handed to the process with {@link #from}. */
    record Submitted(CaptureRequest request, String sourceSystem) {
    }

    /**
     * The attributes the API handed over for this call; empty when the call came through another door, whose stored
     * variables are not the row's to take.
     */
    static java.util.Optional<NewWorkItem> submitted(DelegateExecution execution) {
        TypedValue typed = execution.getVariableTyped(SUBMITTED_ATTRIBUTES);
        if (typed == null || !typed.isTransient() || !(typed.getValue() instanceof Submitted submitted)) {
            return java.util.Optional.empty();
        }
        CaptureRequest r = submitted.request();
        return java.util.Optional.of(new NewWorkItem(execution.getProcessBusinessKey(),
                execution.getProcessInstanceId(), r.externalId(), submitted.sourceSystem(), r.department(),
                r.process(), r.customerId(), r.customerSegment(), r.product(), r.subproduct(), r.requestType(),
                r.dealValue(), r.description(), r.contactNumber(), r.alternativeContactNumber(), r.name(),
                r.surname(), r.preferredAgent(), defaultIfNull(r.mediaType(), DEFAULT_MEDIA_TYPE), r.sourceUrl(),
                r.attributes() == null ? null : new LinkedHashMap<>(r.attributes()), r.priority(),
                r.activationAt(), r.dueAt()));
    }

    /** For the operations after capture: only the API's hand-over changes the row. */
    static NewWorkItem requireSubmitted(DelegateExecution execution) {
        return submitted(execution).orElseThrow(() -> new BadUserRequestException("A work item's attributes change "
                + "only through Worklane's API (PATCH or restart /api/work-items/{id})."));
    }

    /** The item's current attributes in the shape of a capture body (for merge patches and restarts). */
    static CaptureRequest asRequest(WorkItemView item) {
        WorkItemView.Requested requested = item.requested();
        return new CaptureRequest(item.externalId(), item.sourceSystem(), requested.department(), requested.process(),
                item.customerId(), item.customerSegment(), item.product(), item.subproduct(), item.requestType(),
                item.dealValue(), item.description(), item.contactNumber(), item.alternativeContactNumber(),
                item.name(), item.surname(), item.preferredAgent(), item.activationAt(), requested.dueAt(),
                requested.priority(), item.sourceUrl(), item.mediaType(), item.attributes());
    }

    /** Reads the variables leniently: a value of the wrong shape becomes a problem, not an exception. */
    static Reading read(String id, String processInstanceId, VariableScope scope) {
        Reader reader = new Reader(scope);
        NewWorkItem item = new NewWorkItem(id, processInstanceId, reader.text(CaptureAttribute.EXTERNAL_ID),
                reader.text(CaptureAttribute.SOURCE_SYSTEM), reader.text(CaptureAttribute.DEPARTMENT),
                reader.text(CaptureAttribute.PROCESS), reader.text(CaptureAttribute.CUSTOMER_ID),
                reader.text(CaptureAttribute.CUSTOMER_SEGMENT), reader.text(CaptureAttribute.PRODUCT),
                reader.text(CaptureAttribute.SUBPRODUCT), reader.text(CaptureAttribute.REQUEST_TYPE),
                reader.decimal(DEAL_VALUE), reader.text(CaptureAttribute.DESCRIPTION),
                reader.text(CaptureAttribute.CONTACT_NUMBER), reader.text(CaptureAttribute.ALTERNATIVE_CONTACT_NUMBER),
                reader.text(CaptureAttribute.NAME), reader.text(CaptureAttribute.SURNAME),
                reader.text(CaptureAttribute.PREFERRED_AGENT),
                defaultIfNull(reader.text(CaptureAttribute.MEDIA_TYPE), DEFAULT_MEDIA_TYPE),
                reader.text(CaptureAttribute.SOURCE_URL), reader.attributes(), reader.integer(PRIORITY),
                reader.instant(ACTIVATION_AT), reader.instant(DUE_AT));
        return new Reading(item, List.copyOf(reader.problems));
    }

    record Reading(NewWorkItem item, List<String> problems) {
    }

    static List<String> changedFields(DelegateExecution execution) {
        Object fields = execution.getVariable(CHANGED_FIELDS);
        return fields == null || fields.toString().isBlank() ? List.of() : List.of(fields.toString().split(","));
    }

    private static String defaultIfNull(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static final class Reader {

        private final VariableScope scope;
        private final List<String> problems = new ArrayList<>();

        Reader(VariableScope scope) {
            this.scope = scope;
        }

        /** A text too long for its column is left out (and reported), so that the row can still record the item. */
        String text(CaptureAttribute attribute) {
            String name = attribute.fieldName();
            int maxLength = attribute.maxLength();
            Object value = scope.getVariable(name);
            if (value == null) {
                return null;
            }
            String text = value.toString();
            if (text.isBlank()) {
                return null;
            }
            if (text.length() > maxLength) {
                problems.add(name + " at most " + maxLength + " characters");
                return null;
            }
            return text;
        }

        Integer integer(String name) {
            Object value = scope.getVariable(name);
            if (value == null || value instanceof Integer) {
                return (Integer) value;
            }
            if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                    && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
                return number.intValue();
            }
            problems.add(name + " is not a whole number");
            return null;
        }

        BigDecimal decimal(String name) {
            Object value = scope.getVariable(name);
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value.toString());
            }
            catch (NumberFormatException e) {
                problems.add(name + " is not a number");
                return null;
            }
        }

        Instant instant(String name) {
            Object value = scope.getVariable(name);
            if (value == null) {
                return null;
            }
            if (value instanceof java.util.Date date) {
                return date.toInstant();
            }
            try {
                return Instant.parse(value.toString());
            }
            catch (DateTimeParseException e) {
                problems.add(name + " is not an ISO-8601 instant");
                return null;
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> attributes() {
            Object value = scope.getVariable(ATTRIBUTES);
            try {
                if (value == null) {
                    return null;
                }
                if (value instanceof Map<?, ?> map) {
                    return new LinkedHashMap<>((Map<String, Object>) map);
                }
                if (value instanceof SpinJsonNode || value instanceof String) {
                    return JSON.readValue(value.toString(), LinkedHashMap.class);
                }
            }
            catch (JsonProcessingException | ClassCastException e) {
                // reported below
            }
            problems.add(ATTRIBUTES + " is not a JSON object");
            return null;
        }
    }
}
