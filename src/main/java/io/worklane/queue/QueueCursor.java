package io.worklane.queue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.worklane.web.Problems;

/**
 * Where the next page starts: the sort values and id of the last row shown, and how many rows came before (for
 * positions). Opaque to clients: base64url of a small JSON array.
 */
record QueueCursor(QueueSort sort, List<String> values, String id, long shown) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        List<Object> parts = new ArrayList<>();
        parts.add(sort.name());
        parts.add(values);
        parts.add(id);
        parts.add(shown);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(parts));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws org.springframework.web.ErrorResponseException 400 for a cursor this API did not hand out */
    static QueueCursor decode(String text, QueueSort expected) {
        try {
            JsonNode parts = JSON.readTree(Base64.getUrlDecoder().decode(text.getBytes(StandardCharsets.US_ASCII)));
            QueueSort sort = QueueSort.valueOf(parts.get(0).asText());
            List<String> values = new ArrayList<>();
            parts.get(1).forEach(value -> values.add(value.isNull() ? null : value.asText()));
            if (sort != expected || values.size() != sort.keys().size() || !parts.get(2).isTextual()
                    || !parts.get(3).canConvertToLong()) {
                throw new IllegalArgumentException("cursor of another query");
            }
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null) {
                    if (sort.keys().get(i).instant()) {
                        java.time.Instant.parse(values.get(i));
                    }
                    else {
                        Integer.parseInt(values.get(i));
                    }
                }
            }
            return new QueueCursor(sort, values, parts.get(2).asText(), parts.get(3).asLong());
        }
        catch (RuntimeException | java.io.IOException e) {
            throw Problems.invalid("'cursor' is not one this API handed out for sort " + expected.name().toLowerCase(
                    java.util.Locale.ROOT) + "; start again without it.");
        }
    }
}
