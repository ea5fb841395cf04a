package io.worklane.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Camunda's engine REST API answers errors as {@code {"type":"SomeException","message":...}}, with class names
 * and, for failures, internals. This rewrites every error answer of {@code /engine-rest/*} to RFC 9457 problem
 * details like the rest of Worklane: a refusal (4xx) keeps the engine's reason as {@code detail} (and as
 * {@code message}, which Camunda clients such as the Modeler show), without class names; a failure (5xx) says
 * only that it failed and gives a {@code reference} that the one log line with its cause also carries. A start
 * or correlation the engine wrapped into a 500 although Worklane's rules refused it (a
 * {@link BadUserRequestException}) is the refusal it is: 400. A refusal that carries a Worklane problem (the
 * capture API's rules at the start door) answers with that problem, its {@code errors} included.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestProblems {

    private static final Logger log = LoggerFactory.getLogger(EngineRestProblems.class);

    /** {@code SomeException: } at the start of a message or after another one. */
    private static final Pattern EXCEPTION_PREFIX = Pattern.compile("(?:[A-Za-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)\\s*:\\s*");
    /** {@code org.camunda.bpm.engine.Foo}, {@code java.lang.String}: replaced by the simple name. */
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}([A-Z][\\w$]*)");
    /** Whatever still names an exception class. */
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z][\\w$]*(?:Exception|Error)\\b");

    private static final Map<Integer, String> TYPES = Map.of(400, "invalid-request", 401, "unauthenticated", 403,
            "forbidden", 404, "not-found", 405, "method-not-allowed", 409, "conflict", 413, "payload-too-large", 415,
            "unsupported-media-type");

    @Bean
    FilterRegistrationBean<Filter> engineRestProblemsFilter(ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new Filter(json));
        registration.setName("engine-rest-problems");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        // outside Camunda's authentication filter, so that its 401 is rewritten too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** A message without class names: prefixes dropped, qualified names shortened, exception names generic. */
    static String withoutClassNames(String message) {
        if (message == null) {
            return null;
        }
        String text = EXCEPTION_PREFIX.matcher(message).replaceAll("");
        text = QUALIFIED_NAME.matcher(text).replaceAll("$1");
        return EXCEPTION_NAME.matcher(text).replaceAll("error").trim();
    }

    static final class Filter extends OncePerRequestFilter {

        private final ObjectMapper json;

        Filter(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var buffered = new ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(request, buffered);
            }
            finally {
                if (buffered.getStatus() >= 400 && !response.isCommitted()) {
                    rewrite(request, buffered);
                }
                buffered.copyBodyToResponse();
            }
        }

        private void rewrite(HttpServletRequest request, ContentCachingResponseWrapper response) throws IOException {
            Throwable cause = request.getAttribute(EngineRestFailures.ATTRIBUTE) instanceof Throwable t ? t : null;
            JsonNode engineBody = engineBody(response.getContentAsByteArray());
            int status = response.getStatus();
            // Camunda's body says it in "message"; Worklane's own (a refused login) is a problem already
            String detail = withoutClassNames(engineBody.path("message").asText(engineBody.path("detail").asText(null)));
            Throwable refusal = refusal(cause);
            if (status >= 500 && refusal != null) {
                status = refusal instanceof AuthorizationException ? 403 : 400;
                detail = withoutClassNames(refusal.getMessage());
            }
            for (Throwable at = cause; at != null; at = at.getCause()) {
                if (at instanceof LimitedBodyRequest.BodyTooLargeException tooLarge) {
                    // a chunked body cut off while Jersey read it
                    status = 413;
                    detail = BodySizeLimit.tooLarge(tooLarge.limit).getBody().getDetail();
                }
            }
            Map<String, Object> problem = new LinkedHashMap<>();
            HttpStatus known = HttpStatus.resolve(status);
            ProblemDetail worklanes = worklaneProblem(cause);
            if (worklanes != null) {
                // a door refused with Worklane's own problem (the capture API's): the same answer as /api gives
                status = worklanes.getStatus();
                problem.put("type", String.valueOf(worklanes.getType()));
                problem.put("title", worklanes.getTitle());
                problem.put("status", status);
                problem.put("detail", worklanes.getDetail());
                problem.put("message", worklanes.getDetail());
                if (worklanes.getProperties() != null) {
                    problem.putAll(worklanes.getProperties());
                }
            }
            else if (status >= 500) {
                String reference = UUID.randomUUID().toString();
                log.error("Engine REST {} {} failed ({}), reference {}: {}", request.getMethod(),
                        request.getRequestURI(), status, reference, cause == null ? detail : cause.toString(), cause);
                problem.put("type", Problems.type("internal-error").toString());
                problem.put("title", "Internal error");
                problem.put("status", status);
                problem.put("detail", "The request could not be completed; the error is logged with reference "
                        + reference + ".");
                problem.put("reference", reference);
            }
            else {
                problem.put("type", Problems.type(TYPES.getOrDefault(status, "error-" + status)).toString());
                problem.put("title", known == null ? "Error " + status : known.getReasonPhrase());
                problem.put("status", status);
                if (detail == null || detail.isBlank()) {
                    detail = known == null ? "The request was refused." : known.getReasonPhrase() + ".";
                }
                problem.put("detail", detail);
                problem.put("message", detail);
                if (engineBody.path("code").isIntegralNumber()) {
                    problem.put("code", engineBody.path("code").asInt());
                }
            }
            response.resetBuffer();
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
        }

        private JsonNode engineBody(byte[] body) {
            try {
                return body.length == 0 ? json.nullNode() : json.readTree(body);
            }
            catch (IOException e) {
                // not Camunda's JSON (a servlet container page, plain text): nothing of it is kept
                return json.nullNode();
            }
        }

        /** A refusal's Worklane problem (4xx) in the cause chain, if any. */
        private static ProblemDetail worklaneProblem(Throwable cause) {
            for (Throwable at = cause; at != null; at = at.getCause()) {
                if (at instanceof ErrorResponseException refused && refused.getStatusCode().is4xxClientError()) {
                    return refused.getBody();
                }
            }
            return null;
        }

        /** The first refusal by the rules (not a failure) in the cause chain, if any. */
        private static Throwable refusal(Throwable cause) {
            for (Throwable at = cause; at != null; at = at.getCause()) {
                if (at instanceof BadUserRequestException || at instanceof AuthorizationException) {
                    return at;
                }
            }
            return null;
        }
    }
}
