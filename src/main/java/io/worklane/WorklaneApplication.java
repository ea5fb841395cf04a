package io.worklane;

import java.time.Clock;
import java.util.Arrays;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.worklane.simulation.SimulationCommand;
import io.worklane.simulation.SimulationRun;

/**
 * Worklane: captures work items, classifies and prioritises them with DMN, keeps one universal queue and pushes
 * each item to the best available skilled agent, on Camunda 7. The process application deploys
 * {@code processes/}, {@code decisions/} and {@code forms/} together (see META-INF/processes.xml).
 */
@SpringBootApplication
@EnableProcessApplication("worklane")
@ConfigurationPropertiesScan
@EnableAsync
public class WorklaneApplication {

    public static void main(String[] args) {
        if (args.length > 0 && SimulationCommand.COMMAND.equals(args[0])) {
            System.exit(SimulationCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && SimulationRun.COMMAND.equals(args[0])) {
            System.exit(SimulationRun.run(Arrays.copyOfRange(args, 1, args.length), WorklaneApplication.class));
        }
        SpringApplication.run(WorklaneApplication.class, args);
    }

    /**
     * The scheduled work (sweeps, folds, watches, clean-ups) runs on real time; a simulation, whose clock jumps,
     * switches it off ({@code worklane.scheduling.enabled: false}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "worklane.scheduling.enabled", havingValue = "true", matchIfMissing = true)
    @EnableScheduling
    static class Scheduling {
    }

    /** Worklane's time is the engine's, so a test that moves the engine clock moves both. */
    @Bean
    Clock clock() {
        return new EngineClock();
    }
}
