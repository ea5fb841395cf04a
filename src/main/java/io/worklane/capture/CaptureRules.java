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

    private final Settings settings;

    CaptureRules(Settings settings) {
        this.settings = settings;
    }

    void check(CaptureRequest request) {
        if (request.attributes() != null) {
            request.attributes().forEach((key, value) -> {
                if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                    throw Problems.invalid("attributes." + key + " must be a string, number or boolean.");
                }
            });
        }
        boolean lead = request.requestType() != null && settings.leadRequestTypes().stream()
            .anyMatch(type -> type.equalsIgnoreCase(request.requestType()));
        if (lead && request.description() != null
                && request.description().length() > settings.leadDescriptionMaxLength()) {
            throw Problems.exception(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-request",
                    "Invalid request", "A lead's description has at most " + settings.leadDescriptionMaxLength()
                            + " characters.",
                    Map.of("errors", List.of(Map.of("field", "description", "message",
                            "at most " + settings.leadDescriptionMaxLength() + " characters for leads"))));
        }
    }
}
