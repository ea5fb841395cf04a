package io.worklane.workitem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The README's table of capture attributes says what {@link CaptureAttribute} defines, row by row. */
class CaptureReadmeTests {

    @Test
    void theReadmeListsEveryCaptureAttributeAsDefined() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = Arrays.stream(CaptureAttribute.values())
            .map(CaptureReadmeTests::row)
            .collect(Collectors.joining("\n"));

        assertThat(readme).as("README.md, section API").contains(table);
    }

    private static String row(CaptureAttribute attribute) {
        CaptureAttribute.Rule rule = attribute.rule();
        String type = switch (attribute.type()) {
            case TEXT -> "text";
            case WHOLE_NUMBER -> "whole number";
            case DECIMAL -> "decimal";
            case INSTANT -> "ISO-8601 instant";
            case OBJECT -> "object";
        };
        String limit = switch (attribute.type()) {
            case TEXT -> rule.maxLength() + " characters"
                    + (rule.leadMaxLength() == null ? "" : "; " + rule.leadMaxLength() + " for leads")
                    + (rule.pattern() == null ? "" : "; matching `" + rule.pattern() + "`");
            case WHOLE_NUMBER -> rule.min() + " to " + rule.max();
            case DECIMAL -> "not negative; " + (rule.precision() - rule.scale()) + " digits before and " + rule.scale()
                    + " after the point";
            case INSTANT -> "years 1900 to 9999";
            case OBJECT -> rule.maxLength() + " entries; names of 1 to " + rule.keyMaxLength()
                    + " characters; values text, number or boolean";
        };
        String columns = attribute.columns().stream().map(column -> "`" + column + "`")
            .collect(Collectors.joining(", "));
        return "| `" + attribute.fieldName() + "` | " + type + (rule.required() ? ", required" : "") + " | " + limit
                + " | " + columns + " |";
    }
}
