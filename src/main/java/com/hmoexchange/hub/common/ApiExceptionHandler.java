package com.hmoexchange.hub.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into RFC 9457 problem details that tell the caller what was wrong and what to
 * do. Nothing reaches the client as a bare 500 with a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ApplicationEventPublisher events;

    ApiExceptionHandler(ApplicationEventPublisher events) {
        this.events = events;
    }

    private static ProblemDetail problem(HttpStatusCode status, String code, String title, String detail) {
        return Problems.of(status, code, title, detail);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, HttpServletRequest request) {
        events.publishEvent(RequestRefused.notFound(request.getMethod() + " " + request.getRequestURI(), e.getMessage(),
                request.getRemoteAddr()));
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e.code(), "Refused by a business rule", e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-input", "Invalid input", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(StaleVersion.class)
    ProblemDetail stale(StaleVersion e) {
        return problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Changed since you loaded it", e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Changed by someone else",
                "Someone else changed this record while your request was being handled. Reload it and try again.");
    }

    @ExceptionHandler(Forbidden.class)
    ProblemDetail forbidden(Forbidden e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", e.getMessage());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Validation failed",
                describe(errors));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.warn("Data integrity violation: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "duplicate-or-conflict", "Conflicts with existing data",
                "The request conflicts with data that already exists (for example a reference that must be unique). "
                        + "Check the values and try again.");
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest web) {
            HttpServletRequest servlet = web.getRequest();
            events.publishEvent(RequestRefused.bodyTooLarge("upload", null, servlet.getMethod() + " " + servlet.getRequestURI(),
                    e.getMaxUploadSize(), servlet.getRemoteAddr()));
        }
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                "file-too-large", "File too large",
                "The uploaded file is larger than the hub accepts. Send a smaller or compressed file."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "value" : kindOf(e.getRequiredType());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                "Parameter '" + e.getName() + "' has value '" + e.getValue() + "', which is not a valid " + expected + ".");
        problem.setProperty("errors", List.of(Map.of("field", e.getName(), "message", "not a valid " + expected)));
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Unexpected error",
                "The hub could not complete the request. Nothing was changed; try again, and tell the operators if it persists.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ApiExceptionHandler::fieldError)
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Validation failed",
                describe(errors));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodySizeLimit.BodyTooLarge tooLarge) {
                events.publishEvent(tooLarge.refused());
                // The rest of the body stays unread: the connection is closed after the answer.
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                        .body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large", t.getMessage()));
            }
            if (t instanceof ListSizeLimits.TooManyItems many) {
                // Answered as a list one item too long would be after validation, without reading the rest.
                List<Map<String, String>> errors = List.of(Map.of("field", path(many), "message", many.rule()));
                ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Validation failed",
                        "The list is too long: " + describe(errors));
                problem.setProperty("errors", errors);
                return ResponseEntity.badRequest().body(problem);
            }
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                unreadableBody(e));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        // Framework-raised errors (unsupported media type, missing parameter, ...) keep Spring's
        // problem body but get our type and code so clients handle all errors the same way.
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            String code = "http-" + statusCode.value();
            problem.setType(Problems.type(code));
            problem.setProperty("code", code);
        }
        return response;
    }

    private static String unreadableBody(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            return "Unknown field '" + u.getPropertyName() + "'. Known fields: " + u.getKnownPropertyIds() + ".";
        }
        if (cause instanceof InvalidFormatException f) {
            return "Field '" + path(f) + "' has value '" + f.getValue() + "', which is not a valid " + kindOf(f.getTargetType()) + ".";
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return "Field '" + path(m) + "' has the wrong shape: expected " + shapeOf(m.getTargetType()) + ".";
        }
        if (cause instanceof MismatchedInputException m) {
            return "The body has the wrong shape: expected " + shapeOf(m.getTargetType()) + ". Send it as described in the API docs.";
        }
        if (cause instanceof JsonProcessingException j && j.getLocation() != null) {
            return "The body is not valid JSON (line " + j.getLocation().getLineNr() + ", column "
                    + j.getLocation().getColumnNr() + "): " + withoutTypeNames(j.getOriginalMessage()) + ". Fix the JSON and send it again.";
        }
        return "The request body is missing or is not valid JSON. Send a JSON object as described in the API docs.";
    }

    /** What a value must be, in words a client understands (not the hub's Java type). */
    static String kindOf(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value (one of " + List.of(type.getEnumConstants()) + ")";
        }
        if (type == java.math.BigDecimal.class || type == Double.class || type == double.class || type == Float.class
                || type == float.class) {
            return "number (such as 1500.00)";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class && type != char.class)) {
            return "whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "date (yyyy-mm-dd)";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "date and time (ISO 8601, such as 2026-11-21T08:00:00Z)";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        return "value";
    }

    /** The JSON shape a target type takes: a list, an object, or a value of its kind. */
    private static String shapeOf(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list ([...])";
        }
        String kind = kindOf(type);
        return "value".equals(kind) ? "an object ({...})" : "a " + kind;
    }

    private static final java.util.regex.Pattern TYPE_NAME = java.util.regex.Pattern.compile("`[\\w.$\\[\\]<>, ]+`");

    /** Jackson names the Java type it wanted in back-quotes; the client is told of the JSON instead. */
    private static String withoutTypeNames(String message) {
        return message == null ? "" : TYPE_NAME.matcher(message).replaceAll("the expected value");
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(),
                "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }

    private static String describe(List<Map<String, String>> errors) {
        return errors.stream().map(err -> err.get("field") + " " + err.get("message"))
                .collect(Collectors.joining("; ")) + ".";
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
