package io.worklane.workitem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Tasklist forms ({@code forms/*.form}) show capture attributes as {@link CaptureAttribute} defines them: a field
 * keyed by an attribute has a type that holds the attribute's values and, for text, the attribute's maxLength (the
 * limit the task-completion door enforces should the field ever become editable).
 */
class CaptureFormsTests {

    private static final Path FORMS = Path.of("forms");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<CaptureAttribute.Type, List<String>> FIELD_TYPES = Map.of(
            CaptureAttribute.Type.TEXT, List.of("textfield", "textarea"),
            CaptureAttribute.Type.WHOLE_NUMBER, List.of("number"),
            CaptureAttribute.Type.DECIMAL, List.of("number"),
            CaptureAttribute.Type.INSTANT, List.of("datetime"),
            CaptureAttribute.Type.OBJECT, List.of());

    record Field(String form, String key, JsonNode component) {
    }

    @Test
    void everyFormFieldOfACaptureAttributeHasItsTypeAndLength() throws IOException {
        List<Field> fields = captureAttributeFields();
        SoftAssertions soft = new SoftAssertions();
        for (Field field : fields) {
            CaptureAttribute attribute = CaptureAttribute.named(field.key()).orElseThrow();
            String type = field.component().path("type").asText();
            soft.assertThat(type).as("%s: the type of field %s", field.form(), field.key())
                .isIn(FIELD_TYPES.get(attribute.type()));
            if (attribute.type() == CaptureAttribute.Type.TEXT) {
                soft.assertThat(field.component().path("validate").path("maxLength").asInt(-1))
                    .as("%s: validate.maxLength of %s", field.form(), field.key()).isEqualTo(attribute.maxLength());
            }
        }
        soft.assertAll();
    }

    @Test
    void theAgentsFormsShowTheCaptureAttributesAgentsNeed() throws IOException {
        List<String> shown = captureAttributeFields().stream()
            .filter(field -> field.form().equals("handle-work-item.form"))
            .map(Field::key)
            .toList();

        // the seed's lead attributes for the agent's display
        assertThat(shown).contains("externalId", "name", "surname", "contactNumber", "customerSegment", "product",
                "requestType", "description");
    }

    private static List<Field> captureAttributeFields() throws IOException {
        List<Field> fields = new ArrayList<>();
        try (Stream<Path> forms = Files.list(FORMS)) {
            for (Path form : forms.filter(path -> path.toString().endsWith(".form")).sorted().toList()) {
                collect(form.getFileName().toString(), JSON.readTree(form.toFile()).path("components"), fields);
            }
        }
        assertThat(fields).as("fields keyed by a capture attribute in %s", FORMS).isNotEmpty();
        return fields;
    }

    private static void collect(String form, JsonNode components, List<Field> fields) {
        for (JsonNode component : components) {
            collect(form, component.path("components"), fields);
            String key = component.path("key").asText(null);
            if (key != null && CaptureAttribute.named(key).isPresent()) {
                fields.add(new Field(form, key, component));
            }
        }
    }
}
