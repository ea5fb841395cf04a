package io.worklane.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Builds problem details whose {@code type} is stable: clients switch on it, never on the text. */
public final class Problems {

    private static final String TYPE_BASE = "https://worklane.io/problems/";

    private Problems() {
    }

    public static URI type(String name) {
        return URI.create(TYPE_BASE + name);
    }

    public static ProblemDetail detail(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(type));
        problem.setTitle(title);
        return problem;
    }

    /** An exception carrying a problem; capabilities throw it (or subclass it) from controllers and services. */
    public static ErrorResponseException exception(HttpStatus status, String type, String title, String detail,
            Map<String, Object> properties) {
        ProblemDetail problem = detail(status, type, title, detail);
        properties.forEach(problem::setProperty);
        return new ErrorResponseException(status, problem, null);
    }

    public static ErrorResponseException notFound(String what, String id) {
        return exception(HttpStatus.NOT_FOUND, what + "-not-found", capitalized(what.replace('-', ' ')) + " not found",
                "There is no " + what.replace('-', ' ') + " '" + id + "'.", Map.of());
    }

    public static ErrorResponseException forbidden(String detail) {
        return exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, Map.of());
    }

    public static ErrorResponseException invalid(String detail) {
        return exception(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, Map.of());
    }

    /**
     * A body that is not valid JSON or does not fit the expected fields: says which field (as a dotted path, also
     * in the property {@code field}), never which class.
     */
    public static ErrorResponseException malformed(Throwable cause) {
        String field = field(cause);
        return exception(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", readableReason(cause, field),
                field == null ? Map.of() : Map.of("field", field));
    }

    private static String field(Throwable cause) {
        for (Throwable at = cause; at != null; at = at.getCause()) {
            if (at instanceof ControlCharacterCheck.ControlCharacterException control) {
                return control.field;
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            // its path ends with the unknown name itself
            return unknown.getPath().isEmpty() ? unknown.getPropertyName() : path(unknown);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return path(mapping);
        }
        return null;
    }

    private static String readableReason(Throwable cause, String field) {
        for (Throwable at = cause; at != null; at = at.getCause()) {
            if (at instanceof ControlCharacterCheck.ControlCharacterException) {
                return "Field '" + field + "' contains a control character; only tab, line feed and carriage return "
                        + "are allowed.";
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'.";
        }
        if (cause instanceof MismatchedInputException && field != null) {
            return "Field '" + field + "' has a value of the wrong type or format.";
        }
        if (field != null) {
            return "Field '" + field + "' cannot be read.";
        }
        if (cause instanceof MismatchedInputException mismatched && mismatched.getMessage() != null
                && mismatched.getMessage().startsWith("Trailing token")) {
            return "The request body has content after its JSON document.";
        }
        return "The request body is not valid JSON.";
    }

    private static String path(JsonMappingException e) {
        return String.join(".", e.getPath()
            .stream()
            .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                    : String.valueOf(reference.getIndex()))
            .toList());
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
