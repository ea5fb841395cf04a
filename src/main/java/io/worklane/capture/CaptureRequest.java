package io.worklane.capture;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The capture body of {@code POST /api/work-items}; all but the first two fields are optional. */
record CaptureRequest(
        @NotBlank @Size(max = 200) String externalId,
        @Size(min = 1, max = 100) String sourceSystem,
        @Size(max = 100) String department,
        @Size(max = 100) String process,
        @Size(max = 100) String customerId,
        @Size(max = 100) String customerSegment,
        @Size(max = 200) String product,
        @Size(max = 200) String subproduct,
        @Size(max = 100) String requestType,
        @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal dealValue,
        @Size(max = 255) String description,
        @Size(max = 50) String contactNumber,
        @Size(max = 50) String alternativeContactNumber,
        @Size(max = 200) String name,
        @Size(max = 200) String surname,
        @Size(max = 64) String preferredAgent,
        Instant activationAt,
        Instant dueAt,
        @Min(0) @Max(1_000_000) Integer priority,
        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String sourceUrl,
        @Size(max = 32) @Pattern(regexp = "[a-z][a-z0-9_-]*", message = "must be a lower-case media type name") String mediaType,
        @Size(max = 50) Map<@NotBlank @Size(max = 100) String, Object> attributes) {
}
