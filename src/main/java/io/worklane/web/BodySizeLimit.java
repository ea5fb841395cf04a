package io.worklane.web;

import java.io.IOException;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses request bodies over the limit with 413 before anything reads them: a declared length is checked up
 * front, a chunked body is cut off while it is read. Worklane's API has one limit; Camunda's engine REST API, the
 * webapps' API (Cockpit, Tasklist form submissions, Modeler deployments) and a what-if simulation's order (which
 * carries candidate models, as a deployment does) a larger one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimit extends OncePerRequestFilter {

    /**
     * @param maxBodySize the largest request body the API ({@code /api/*}) accepts
     * @param maxEngineBodySize the largest body of {@code /engine-rest/*} and {@code /camunda/api/*}: all of
     *        Worklane's models deployed at once are about 155 KB today
     */
    @ConfigurationProperties("worklane.api")
    record Settings(DataSize maxBodySize, DataSize maxEngineBodySize) {

        Settings {
            maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
            maxEngineBodySize = maxEngineBodySize == null ? DataSize.ofKilobytes(512) : maxEngineBodySize;
        }
    }

    private final long apiLimit;
    private final long engineLimit;
    private final ObjectMapper json;

    BodySizeLimit(Settings settings, ObjectMapper json) {
        this.apiLimit = settings.maxBodySize().toBytes();
        this.engineLimit = settings.maxEngineBodySize().toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return limitFor(request) < 0;
    }

    /** The limit for this request's path; -1: none. */
    private long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api/simulations")) {
            return engineLimit;
        }
        if (path.startsWith("/api/")) {
            return apiLimit;
        }
        return path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/") ? engineLimit : -1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            reject(response, limit);
            return;
        }
        if (request.getContentLengthLong() < 0) {
            chain.doFilter(new LimitedBodyRequest(request, limit), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void reject(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), tooLarge(limit).getBody());
    }

    static org.springframework.web.ErrorResponseException tooLarge(long limit) {
        return Problems.exception(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large",
                "Request bodies are limited to " + limit + " bytes.", Map.of("limit", limit));
    }
}
