package io.worklane.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.worklane.PostgresIntegrationTest;

/** The application's decisions run on the FEEL engine that keeps parsed cells. */
class ParsedFeelCellsIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    private ProcessEngine engine;

    @Test
    void theDmnEngineEvaluatesWithParsedCells() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine())
            .isInstanceOf(ParsedFeelCells.Engine.class);
    }
}
