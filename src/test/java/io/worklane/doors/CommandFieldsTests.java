package io.worklane.doors;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The guard reads commands' protected fields: an engine upgrade that renames one must fail here, not open a door. */
class CommandFieldsTests {

    @Test
    void everyFieldTheGuardReadsExists() {
        DoorRules.FIELDS_READ.forEach((command, fields) -> fields
            .forEach(field -> assertThatCode(() -> CommandFields.find(command, field)).as("%s.%s", command, field)
                .doesNotThrowAnyException()));
    }
}
