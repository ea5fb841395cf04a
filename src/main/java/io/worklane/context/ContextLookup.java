package io.worklane.context;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Asks every configured source about an item, each behind its cache, retry and circuit breaker. A failure
 * never escapes for an optional source: the item keeps its own attributes plus the source's defaults.
 */
@Service
public class ContextLookup implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ContextLookup.class);

    /** A required source failed: the caller's job is retried and finally becomes an incident. */
    public static class RequiredContextUnavailable extends RuntimeException {

        RequiredContextUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record SourceLookup(ContextProperties.Source source, SourceClient client,
            Cache<String, Optional<Map<String, Object>>> cache, Retry retry, CircuitBreaker circuitBreaker) {
    }

    private final List<SourceLookup> lookups = new ArrayList<>();
    private final CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();
    private final MeterRegistry meters;

    ContextLookup(ContextProperties properties, ObjectMapper json, MeterRegistry meters) {
        this.meters = meters;
        var names = new HashSet<String>();
        for (ContextProperties.Source source : properties.sources()) {
            if (source.name() == null || !names.add(source.name()) || source.kind() == null
                    || source.attributes().isEmpty()) {
                throw new IllegalStateException("Every context source needs a unique name, a kind (HTTP or SQL) "
                        + "and attributes to fill; check '" + source.name() + "'.");
            }
            SourceClient client = source.kind() == ContextProperties.Kind.HTTP
                    ? new HttpSourceClient(source, properties.allowedHosts(), properties.maxResponseSize().toBytes(),
                            json)
                    : new SqlSourceClient(source);
            lookups.add(new SourceLookup(source, client, cache(source.cacheTtl()), retry(source),
                    circuitBreakers.circuitBreaker(source.name(), circuitBreaker(source.circuitBreaker()))));
        }
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(meters);
    }

    /** The circuit breakers by source name, for operations and tests. */
    CircuitBreakerRegistry circuitBreakers() {
        return circuitBreakers;
    }

    public ContextOutcome lookUp(Map<String, Object> item) {
        return lookUp(item, lookups);
    }

    /** Asks again only the sources configured to refresh at reprioritization. */
    ContextOutcome refresh(Map<String, Object> item) {
        return lookUp(item, lookups.stream().filter(lookup -> lookup.source().refreshOnReprioritization()).toList());
    }

    /** The attributes the refreshing sources fill; empty: a reprioritization asks no source. */
    Set<String> refreshedAttributes() {
        Set<String> attributes = new HashSet<>();
        lookups.stream()
            .filter(lookup -> lookup.source().refreshOnReprioritization())
            .forEach(lookup -> attributes.addAll(lookup.source().attributes().keySet()));
        return attributes;
    }

    private ContextOutcome lookUp(Map<String, Object> item, List<SourceLookup> asked) {
        Map<String, Object> known = new LinkedHashMap<>(item);
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Map<String, Object>> sources = new LinkedHashMap<>();
        for (SourceLookup lookup : asked) {
            Map<String, Object> status = new LinkedHashMap<>();
            Map<String, Object> answer = ask(lookup, known, status);
            List<String> filled = new ArrayList<>();
            answer.forEach((attribute, value) -> {
                if (value != null && (lookup.source().overwrite() || known.get(attribute) == null)) {
                    known.put(attribute, value);
                    values.put(attribute, value);
                    filled.add(attribute);
                }
            });
            status.put("filled", filled);
            sources.put(lookup.source().name(), status);
            meters.counter("worklane.context.lookups", "source", lookup.source().name(), "outcome",
                    status.get("status").toString().toLowerCase()).increment();
        }
        return new ContextOutcome(values, sources);
    }

    private Map<String, Object> ask(SourceLookup lookup, Map<String, Object> item, Map<String, Object> status) {
        ContextProperties.Source source = lookup.source();
        Optional<String> request = lookup.client().request(item);
        if (request.isEmpty()) {
            status.put("status", "SKIPPED");
            return source.defaults();
        }
        Optional<Map<String, Object>> cached = lookup.cache() == null ? null : lookup.cache().getIfPresent(request.get());
        if (cached != null) {
            status.put("status", "CACHED");
            return cached.orElse(source.defaults());
        }
        try {
            Optional<Map<String, Object>> answer = Retry.decorateSupplier(lookup.retry(),
                    CircuitBreaker.decorateSupplier(lookup.circuitBreaker(), () -> lookup.client().fetch(item)))
                .get();
            if (lookup.cache() != null) {
                lookup.cache().put(request.get(), answer);
            }
            status.put("status", answer.isPresent() ? "OK" : "NOT_FOUND");
            return answer.orElse(source.defaults());
        }
        catch (RuntimeException e) {
            // SourceFailure and an open circuit are expected; anything else is a failure of the source too
            String error = e instanceof CallNotPermittedException ? "circuit open after repeated failures"
                    : e instanceof SourceClient.SourceFailure ? e.getMessage() : "unexpected error: " + e.getMessage();
            status.put("status", e instanceof CallNotPermittedException ? "CIRCUIT_OPEN" : "FAILED");
            status.put("error", error);
            if (source.required()) {
                throw new RequiredContextUnavailable("Required context source '" + source.name() + "' failed: "
                        + error + " (" + request.get() + ")", e);
            }
            log.warn("Context source '{}' failed, the item goes on with its own attributes: {}", source.name(), error);
            return source.defaults();
        }
    }

    private static Cache<String, Optional<Map<String, Object>>> cache(Duration ttl) {
        return ttl.isZero() || ttl.isNegative() ? null
                : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    }

    private static Retry retry(ContextProperties.Source source) {
        return Retry.of(source.name(), RetryConfig.custom()
            .maxAttempts(source.retries() + 1)
            .waitDuration(Duration.ofMillis(100))
            .retryOnException(e -> e instanceof SourceClient.SourceFailure failure && failure.retryable())
            .build());
    }

    private static CircuitBreakerConfig circuitBreaker(ContextProperties.CircuitBreaker settings) {
        return CircuitBreakerConfig.custom()
            .failureRateThreshold(settings.failureRateThreshold())
            .minimumNumberOfCalls(settings.minimumCalls())
            .slidingWindowSize(Math.max(10, settings.minimumCalls()))
            .waitDurationInOpenState(settings.openFor())
            .build();
    }

    @Override
    public void destroy() {
        lookups.forEach(lookup -> {
            if (lookup.client() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                }
                catch (Exception e) {
                    log.debug("closing context source {}", lookup.source().name(), e);
                }
            }
        });
    }
}
