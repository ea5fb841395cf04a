package io.worklane.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code worklane.metrics.*}.
 *
 * @param password the password of Prometheus's scrape user ({@code WORKLANE_METRICS_PASSWORD}); empty: no such user
 */
@ConfigurationProperties("worklane.metrics")
record MetricsProperties(@DefaultValue("") String password) {
}
