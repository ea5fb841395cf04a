package io.worklane.context;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param allowedHosts the only hosts an HTTP source may call
 * @param maxResponseSize a larger HTTP answer is rejected as a failure
 * @param sources the sources, asked in this order
 */
@ConfigurationProperties("worklane.context")
record ContextProperties(List<String> allowedHosts, DataSize maxResponseSize, List<Source> sources) {

    ContextProperties {
        allowedHosts = allowedHosts == null ? List.of() : allowedHosts;
        maxResponseSize = maxResponseSize == null ? DataSize.ofKilobytes(256) : maxResponseSize;
        sources = sources == null ? List.of() : sources;
    }

    enum Kind {
        HTTP, SQL
    }

    /**
     * @param name names the source in the item's context data, metrics and messages
     * @param kind HTTP (a JSON service) or SQL (a named query)
     * @param url HTTP: URL template; {@code {attribute}} placeholders are URL-encoded item attributes
     * @param jdbcUrl SQL: the data source to query (with {@code username}, {@code password})
     * @param query SQL: the query; {@code :attribute} parameters are item attributes; its first row counts
     * @param attributes item attribute to fill = HTTP: JSON pointer into the answer; SQL: column name
     * @param defaults values used when the source fails or does not know the item
     * @param timeout per call
     * @param retries further attempts after a failed call
     * @param cacheTtl how long an answer is reused for the same request; zero: never
     * @param required a failing required source holds the item (job retries, then an incident)
     * @param overwrite fill attributes the source system did send too (default: only missing ones)
     * @param circuitBreaker when to stop calling a failing source for a while
     * @param refreshOnReprioritization ask again at every step of the item's priority schema (its cache still
     *            applies), so that a changed answer changes the service level from that step on
     */
    record Source(String name, Kind kind, String url, String jdbcUrl, String username, String password, String query,
            Map<String, String> attributes, Map<String, Object> defaults, Duration timeout, Integer retries,
            Duration cacheTtl, boolean required, boolean overwrite, CircuitBreaker circuitBreaker,
            boolean refreshOnReprioritization) {

        Source {
            attributes = attributes == null ? Map.of() : attributes;
            defaults = defaults == null ? Map.of() : defaults;
            timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
            retries = retries == null ? 1 : retries;
            cacheTtl = cacheTtl == null ? Duration.ofMinutes(5) : cacheTtl;
            circuitBreaker = circuitBreaker == null ? new CircuitBreaker(null, null, null) : circuitBreaker;
        }
    }

    /**
     * @param failureRateThreshold percentage of failed calls that opens the circuit
     * @param minimumCalls calls before the rate counts
     * @param openFor how long an open circuit refuses calls before trying again
     */
    record CircuitBreaker(Float failureRateThreshold, Integer minimumCalls, Duration openFor) {

        CircuitBreaker {
            failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
            minimumCalls = minimumCalls == null ? 5 : minimumCalls;
            openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
        }
    }
}
