package io.worklane.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;


/**
 * The one place that turns errors into RFC 9457 problem details. Every problem gets a stable {@code type};
 * responses never carry class names or stack traces.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final Map<Integer, String> TYPES_BY_STATUS = Map.of(400, "invalid-request", 404, "not-found",
            405, "method-not-allowed", 406, "not-acceptable", 413, "payload-too-large", 415,
            "unsupported-media-type", 500, "internal-error");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult()
            .getFieldErrors()
            .stream()
            .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
            .toList();
        ProblemDetail problem = Problems.detail(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "The request body has " + errors.size() + " invalid field(s).");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof LimitedBodyRequest.BodyTooLargeException tooLarge) {
                var problem = BodySizeLimit.tooLarge(tooLarge.limit);
                return handleExceptionInternal(e, problem.getBody(), headers, problem.getStatusCode(), request);
            }
        }
        ProblemDetail problem = Problems.malformed(e.getCause()).getBody();
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Two changes of one item met (a lock, a deadlock, the engine's optimistic locking): nothing was done. */
    @ExceptionHandler({ ConcurrencyFailureException.class, OptimisticLockingException.class })
    ResponseEntity<Object> concurrentChange(Exception e, WebRequest request) {
        ProblemDetail problem = Problems.detail(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                "The item changed at the same time; nothing was done. Try again.");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        log.error("Unexpected error answering {}", request.getDescription(false), e);
        ProblemDetail problem = Problems.detail(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "The request could not be completed; the error is logged.");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /** Framework problems come with type about:blank; give them a stable one. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && URI.create("about:blank").equals(problem.getType())) {
            problem.setType(Problems.type(TYPES_BY_STATUS.getOrDefault(status.value(), "error-" + status.value())));
        }
        return response;
    }
}
