package io.worklane.capture;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.worklane.web.Problems;
import io.worklane.workitem.NewWorkItem;

/** Rules on capture attributes beyond their types, for capture, update and restart alike. */
@Component
class CaptureRules {

    /**
     * @param leadRequestTypes request types that make an item a lead
     * @param leadDescriptionMaxLength the longest description a lead may have (the seed's 30 characters)
     */
    @ConfigurationProperties("worklane.capture")
    record Settings(List<String> leadRequestTypes, Integer leadDescriptionMaxLength) {

        Settings {
            leadRequestTypes = leadRequestTypes == null ? List.of("Lead") : leadRequestTypes;
            leadDescriptionMaxLength = leadDescriptionMaxLength == null ? 30 : leadDescriptionMaxLength;
        }
    }

    /** Instants a database column holds on PostgreSQL and H2 alike. */
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final String DATES = "activationAt and dueAt must lie between the years 1900 and 9999";

    private final Settings settings;

    CaptureRules(Settings settings) {
        this.settings = settings;
    }

    /** The capture API's rules (beyond the body's own constraints): the first broken one is a 400. */
    void check(CaptureRequest request) {
        if (request.attributes() != null) {
            request.attributes().forEach((key, value) -> {
                if (!isScalar(value)) {
                    throw Problems.invalid("attributes." + key + " must be a string, number or boolean.");
                }
            });
        }
        if (outOfRange(request.activationAt()) || outOfRange(request.dueAt())) {
            throw Problems.invalid(DATES + ".");
        }
        if (leadDescriptionTooLong(request.requestType(), request.description())) {
            throw Problems.exception(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "A lead's description has at most " + settings.leadDescriptionMaxLength() + " characters.",
                    Map.of("errors", List.of(Map.of("field", "description", "message",
                            "at most " + settings.leadDescriptionMaxLength() + " characters for leads"))));
        }
    }

    /**
     * The same rules for a start over the engine REST API, where no request body was validated: each broken
     * rule is a reason to reject the item.
     */
    List<String> problems(NewWorkItem item) {
        List<String> problems = new ArrayList<>();
        if (item.priority() != null && (item.priority() < 0 || item.priority() > 1_000_000)) {
            problems.add("priority must be between 0 and 1000000");
        }
        if (item.mediaType() != null && !item.mediaType().matches("[a-z][a-z0-9_-]*")) {
            problems.add("mediaType must be a lower-case media type name");
        }
        if (item.sourceUrl() != null && !item.sourceUrl().matches("https?://\\S+")) {
            problems.add("sourceUrl must be an http(s) URL");
        }
        if (leadDescriptionTooLong(item.requestType(), item.description())) {
            problems.add("a lead's description has at most " + settings.leadDescriptionMaxLength() + " characters");
        }
        if (outOfRange(item.activationAt()) || outOfRange(item.dueAt())) {
            problems.add(DATES);
        }
        if (item.attributes() != null && (item.attributes().size() > 50
                || item.attributes().keySet().stream().anyMatch(key -> key.isBlank() || key.length() > 100))) {
            problems.add("attributes: at most 50, with names of 1 to 100 characters");
        }
        if (item.attributes() != null && !item.attributes().values().stream().allMatch(CaptureRules::isScalar)) {
            problems.add("attributes must be strings, numbers or booleans");
        }
        return problems;
    }

    private boolean leadDescriptionTooLong(String requestType, String description) {
        boolean lead = requestType != null
                && settings.leadRequestTypes().stream().anyMatch(type -> type.equalsIgnoreCase(requestType));
        return lead && description != null && description.length() > settings.leadDescriptionMaxLength();
    }

    private static boolean outOfRange(Instant date) {
        return date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST));
    }

    private static boolean isScalar(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean;
    }
}
