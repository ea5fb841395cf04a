package io.worklane;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Stops an embedded PostgreSQL (if the tests started one) only after the data source, the process engine and
 * its job executor are closed: the data source depends on the bean that stops it, so that bean goes last.
 */
@TestConfiguration(proxyBeanMethods = false)
class EmbeddedDatabaseLifecycle {

    private static final String STOPPER = "embeddedDatabaseStopper";

    @Bean(STOPPER)
    DisposableBean embeddedDatabaseStopper() {
        return TestDatabase::stopEmbedded;
    }

    @Bean
    static BeanFactoryPostProcessor stopEmbeddedDatabaseLast() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                List<String> dependsOn = new ArrayList<>(definition.getDependsOn() == null ? List.of()
                        : Arrays.asList(definition.getDependsOn()));
                dependsOn.add(STOPPER);
                definition.setDependsOn(dependsOn.toArray(String[]::new));
            }
        };
    }
}
