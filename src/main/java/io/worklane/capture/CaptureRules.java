package io.worklane.capture;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import io.worklane.web.Problems;

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
    private static final java.time.Instant EARLIEST = java.time.Instant.parse("1900-01-01T00:00:00Z");
    private static final java.time.Instant LATEST = java.time.Instant.parse("9999-12-31T23:59:59Z");

    private final Settings settings;

    CaptureRules(Settings settings) {
        this.settings = settings;
    }

    /**
     * The same rules for a start over the engine REST API, where no request body was validated: each broken
     * rule is a reason to reject the item.
     */
    java.util.List<String> problems(io.worklane.workitem.NewWorkItem item) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        if (item.priority() != null && (item.priority() < 0 || item.priority() > 1_000_000)) {
            problems.add("priority must be between 0 and 1000000");
        }
        if (item.mediaType() != null && !item.mediaType().matches("[a-z][a-z0-9_-]*")) {
            problems.add("mediaType must be a lower-case media type name");
        }
        if (item.sourceUrl() != null && !item.sourceUrl().matches("https?://\\S+")) {
            problems.add("sourceUrl must be an http(s) URL");
        }
        if (isLead(item.requestType()) && item.description() != null
                && item.description().length() > settings.leadDescriptionMaxLength()) {
            problems.add("a lead's description has at most " + settings.leadDescriptionMaxLength() + " characters");
        }
        for (var date : new java.time.Instant[] { item.activationAt(), item.dueAt() }) {
            if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
                problems.add("activationAt and dueAt must lie between the years 1900 and 9999");
            }
        }
        if (item.attributes() != null && (item.attributes().size() > 50
                || item.attributes().keySet().stream().anyMatch(key -> key.isBlank() || key.length() > 100))) {
            problems.add("attributes: at most 50, with names of 1 to 100 characters");
        }
        if (item.attributes() != null && item.attributes().values().stream()
            .anyMatch(value -> value != null && !(value instanceof String || value instanceof Number
                    || value instanceof Boolean))) {
            problems.add("attributes must be strings, numbers or booleans");
        }
        return problems;
    }

    private boolean isLead(String requestType) {
        return requestType != null
                && settings.leadRequestTypes().stream().anyMatch(type -> type.equalsIgnoreCase(requestType));
    }

    private static void checkDates(CaptureRequest request) {
        for (var date : new java.time.Instant[] { request.activationAt(), request.dueAt() }) {
            if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
                throw Problems.invalid("activationAt and dueAt must lie between the years 1900 and 9999.");
            }
        }
    }

    void check(CaptureRequest request) {
        if (request.attributes() != null) {
            request.attributes().forEach((key, value) -> {
                if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                    throw Problems.invalid("attributes." + key + " must be a string, number or boolean.");
                }
            });
        }
        checkDates(request);
        if (isLead(request.requestType()) && request.description() != null
                && request.description().length() > settings.leadDescriptionMaxLength()) {
            throw Problems.exception(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-request",
                    "Invalid request", "A lead's description has at most " + settings.leadDescriptionMaxLength()
                            + " characters.",
                    Map.of("errors", List.of(Map.of("field", "description", "message",
                            "at most " + settings.leadDescriptionMaxLength() + " characters for leads"))));
        }
    }
}
