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
 * Refuses API request bodies over the limit with 413 before anything reads them: a declared length is checked
 * up front, a chunked body is cut off while it is read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimit extends OncePerRequestFilter {

    /** @param maxBodySize the largest request body the API accepts */
    @ConfigurationProperties("worklane.api")
    record Settings(DataSize maxBodySize) {

        Settings {
            maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
        }
    }

    private final long limit;
    private final ObjectMapper json;

    BodySizeLimit(Settings settings, ObjectMapper json) {
        this.limit = settings.maxBodySize().toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            reject(response);
            return;
        }
        if (request.getContentLengthLong() < 0) {
            chain.doFilter(new LimitedBodyRequest(request, limit), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void reject(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), tooLarge(limit).getBody());
    }

    static org.springframework.web.ErrorResponseException tooLarge(long limit) {
        return Problems.exception(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large",
                "Request bodies are limited to " + limit + " bytes.", Map.of("limit", limit));
    }
}
