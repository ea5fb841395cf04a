package io.worklane.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped service-level.dmn passes; a typo in the handling time-out's cells is refused, naming rule and column. */
class ServiceLevelValidationTests {

    private static final DmnEngine DMN = engine();

    @Test
    void theShippedRulesPass() throws IOException {
        assertThat(DMN.parseDecisions(new ByteArrayInputStream(shipped().getBytes(StandardCharsets.UTF_8))))
            .isNotEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "<text>\"EXCEPTION\"</text>|Rule_WebshopHighValueCart, handlingTimeoutAction",
            "<text>\"PT2H\"</text>|Rule_WebshopHighValueCart, handlingTimeout" })
    void aMalformedCellIsRefused(String cell, String where) throws IOException {
        String broken = shipped().replaceFirst(Pattern.quote(cell), cell.contains("PT2H") ? "<text>\"2 hours\"</text>"
                : "<text>\"ESCALATE\"</text>");
        assertThat(broken).isNotEqualTo(shipped());

        assertThatThrownBy(() -> DMN.parseDecisions(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))))
            .hasMessageContaining("service-level.dmn, rule " + where)
            .hasRootCauseInstanceOf(BadUserRequestException.class);
    }

    private static String shipped() throws IOException {
        return Files.readString(Path.of("decisions/service-level.dmn"));
    }

    private static DmnEngine engine() {
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
            .createDefaultDmnEngineConfiguration();
        configuration.getTransformer().getTransformListeners().add(new ServiceLevelValidation());
        return configuration.buildEngine();
    }
}
