package io.worklane;

import java.time.Clock;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Worklane: captures work items, classifies and prioritises them with DMN, keeps one universal queue and pushes
 * each item to the best available skilled agent, on Camunda 7. The process application deploys
 * {@code processes/}, {@code decisions/} and {@code forms/} together (see META-INF/processes.xml).
 */
@SpringBootApplication
@EnableProcessApplication("worklane")
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class WorklaneApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorklaneApplication.class, args);
    }

    /** Worklane's time is the engine's, so a test that moves the engine clock moves both. */
    @Bean
    Clock clock() {
        return new EngineClock();
    }
}
