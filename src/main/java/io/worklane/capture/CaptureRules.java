package io.worklane.capture;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import io.worklane.web.Problems;
import io.worklane.workitem.CaptureAttribute;
import io.worklane.workitem.CaptureAttribute.Rule;
import io.worklane.workitem.NewWorkItem;

/**
 * The capture attributes' rules ({@link CaptureAttribute}) for every door: the capture API (capture, update,
 * restart), a start over the engine REST API and the process's own check of what it was started with. Each broken
 * rule is an error naming its field; a door refuses with all of them in one problem ({@link #refusal}).
 */
@Component
class CaptureRules {

    /** @param leadRequestTypes request types that make an item a lead (whose description is shorter) */
    @ConfigurationProperties("worklane.capture")
    record Settings(List<String> leadRequestTypes) {

        Settings {
            leadRequestTypes = leadRequestTypes == null ? List.of("Lead") : leadRequestTypes;
        }
    }

    /** One broken rule: the attribute's field name ({@code attributes.<key>} for a custom one) and what is wrong. */
    record InvalidField(String field, String message) {

        @Override
        public String toString() {
            return field + " " + message;
        }
    }

    private final Settings settings;

    CaptureRules(Settings settings) {
        this.settings = settings;
    }

    /**
     * The capture API's check: a 400 problem listing every broken rule. @param sourceSystem the item's source system
     * (a source system's own id when it calls for itself, else the body's)
     */
    void check(CaptureRequest request, String sourceSystem) {
        List<InvalidField> errors = invalidFields(request, sourceSystem);
        if (!errors.isEmpty()) {
            throw refusal(errors);
        }
    }

    List<InvalidField> invalidFields(CaptureRequest request, String sourceSystem) {
        return invalidFields(attribute -> attribute == CaptureAttribute.SOURCE_SYSTEM ? sourceSystem
                : valueOf(request, attribute));
    }

    /** For what the process was started with (a start that passed no door, an administrator's). */
    List<InvalidField> invalidFields(NewWorkItem item) {
        return invalidFields(attribute -> valueOf(item, attribute));
    }

    /** The problem every door answers with: invalid-request, the errors as {@code [{field, message}]}. */
    static ErrorResponseException refusal(List<InvalidField> errors) {
        List<Map<String, String>> listed = errors.stream()
            .map(error -> Map.of("field", error.field(), "message", error.message()))
            .toList();
        return Problems.exception(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                errors.size() + " invalid capture attribute(s): " + String.join("; ",
                        errors.stream().map(InvalidField::toString).toList()) + ".",
                Map.of("errors", listed));
    }

    private List<InvalidField> invalidFields(Function<CaptureAttribute, Object> values) {
        List<InvalidField> errors = new ArrayList<>();
        boolean lead = isLead(values.apply(CaptureAttribute.REQUEST_TYPE));
        for (CaptureAttribute attribute : CaptureAttribute.values()) {
            Object value = values.apply(attribute);
            Rule rule = attribute.rule();
            String field = attribute.fieldName();
            if (value == null || rule.required() && value instanceof String text && text.isBlank()) {
                if (rule.required()) {
                    errors.add(new InvalidField(field, "must not be blank"));
                }
                continue;
            }
            switch (attribute.type()) {
                case TEXT -> {
                    String text = (String) value;
                    if (text.length() > rule.maxLength()) {
                        errors.add(new InvalidField(field, "at most " + rule.maxLength() + " characters"));
                    }
                    else if (lead && rule.leadMaxLength() != null && text.length() > rule.leadMaxLength()) {
                        errors.add(new InvalidField(field, "at most " + rule.leadMaxLength() + " characters for leads"));
                    }
                    else if (rule.pattern() != null && !text.matches(rule.pattern())) {
                        errors.add(new InvalidField(field, rule.patternMessage()));
                    }
                }
                case WHOLE_NUMBER -> {
                    long number = ((Number) value).longValue();
                    if (number < rule.min() || number > rule.max()) {
                        errors.add(new InvalidField(field, "must be between " + rule.min() + " and " + rule.max()));
                    }
                }
                case DECIMAL -> decimalError((BigDecimal) value, rule)
                    .ifPresent(message -> errors.add(new InvalidField(field, message)));
                case INSTANT -> {
                    Instant instant = (Instant) value;
                    if (instant.isBefore(CaptureAttribute.EARLIEST) || instant.isAfter(CaptureAttribute.LATEST)) {
                        errors.add(new InvalidField(field, "must lie between the years 1900 and 9999"));
                    }
                }
                case OBJECT -> errors.addAll(customAttributeErrors(field, (Map<?, ?>) value, rule));
            }
        }
        return errors;
    }

    /** As a NUMERIC(precision, scale) column holds it, never negative. */
    private static java.util.Optional<String> decimalError(BigDecimal value, Rule rule) {
        BigDecimal stripped = value.stripTrailingZeros();
        int integerDigits = stripped.precision() - stripped.scale();
        int fractionDigits = Math.max(stripped.scale(), 0);
        if (value.signum() < 0) {
            return java.util.Optional.of("must not be negative");
        }
        if (integerDigits > rule.precision() - rule.scale() || fractionDigits > rule.scale()) {
            return java.util.Optional.of("at most " + (rule.precision() - rule.scale()) + " digits before and "
                    + rule.scale() + " after the decimal point");
        }
        return java.util.Optional.empty();
    }

    private static List<InvalidField> customAttributeErrors(String field, Map<?, ?> attributes, Rule rule) {
        List<InvalidField> errors = new ArrayList<>();
        if (attributes.size() > rule.maxLength()) {
            errors.add(new InvalidField(field, "at most " + rule.maxLength() + " entries"));
        }
        attributes.forEach((key, value) -> {
            String name = String.valueOf(key);
            if (name.isBlank() || name.length() > rule.keyMaxLength()) {
                errors.add(new InvalidField(field, "names of 1 to " + rule.keyMaxLength() + " characters"));
            }
            else if (!isScalar(value)) {
                errors.add(new InvalidField(field + "." + name, "must be a string, number or boolean"));
            }
        });
        return errors.stream().distinct().toList();
    }

    private boolean isLead(Object requestType) {
        return requestType instanceof String type
                && settings.leadRequestTypes().stream().anyMatch(lead -> lead.equalsIgnoreCase(type));
    }

    private static boolean isScalar(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static Object valueOf(CaptureRequest r, CaptureAttribute attribute) {
        return switch (attribute) {
            case EXTERNAL_ID -> r.externalId();
            case SOURCE_SYSTEM -> r.sourceSystem();
            case DEPARTMENT -> r.department();
            case PROCESS -> r.process();
            case CUSTOMER_ID -> r.customerId();
            case CUSTOMER_SEGMENT -> r.customerSegment();
            case PRODUCT -> r.product();
            case SUBPRODUCT -> r.subproduct();
            case REQUEST_TYPE -> r.requestType();
            case DEAL_VALUE -> r.dealValue();
            case DESCRIPTION -> r.description();
            case CONTACT_NUMBER -> r.contactNumber();
            case ALTERNATIVE_CONTACT_NUMBER -> r.alternativeContactNumber();
            case NAME -> r.name();
            case SURNAME -> r.surname();
            case PREFERRED_AGENT -> r.preferredAgent();
            case ACTIVATION_AT -> r.activationAt();
            case DUE_AT -> r.dueAt();
            case PRIORITY -> r.priority();
            case SOURCE_URL -> r.sourceUrl();
            case MEDIA_TYPE -> r.mediaType();
            case ATTRIBUTES -> r.attributes();
        };
    }

    private static Object valueOf(NewWorkItem item, CaptureAttribute attribute) {
        return switch (attribute) {
            case EXTERNAL_ID -> item.externalId();
            case SOURCE_SYSTEM -> item.sourceSystem();
            case DEPARTMENT -> item.department();
            case PROCESS -> item.process();
            case CUSTOMER_ID -> item.customerId();
            case CUSTOMER_SEGMENT -> item.customerSegment();
            case PRODUCT -> item.product();
            case SUBPRODUCT -> item.subproduct();
            case REQUEST_TYPE -> item.requestType();
            case DEAL_VALUE -> item.dealValue();
            case DESCRIPTION -> item.description();
            case CONTACT_NUMBER -> item.contactNumber();
            case ALTERNATIVE_CONTACT_NUMBER -> item.alternativeContactNumber();
            case NAME -> item.name();
            case SURNAME -> item.surname();
            case PREFERRED_AGENT -> item.preferredAgent();
            case ACTIVATION_AT -> item.activationAt();
            case DUE_AT -> item.dueAt();
            case PRIORITY -> item.priority();
            case SOURCE_URL -> item.sourceUrl();
            case MEDIA_TYPE -> item.mediaType();
            case ATTRIBUTES -> item.attributes();
        };
    }
}
