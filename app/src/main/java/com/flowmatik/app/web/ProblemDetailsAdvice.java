package com.flowmatik.app.web;

import java.util.List;
import org.springframework.http.HttpHeaders;
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
 * Failures of controllers as HTTP answers: the platform's own through {@link ProblemMapping}, the
 * framework's (invalid body, unknown path, wrong method, …) with a stable type and the request id.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private final ProblemMapping problems;

    public ProblemDetailsAdvice(ProblemMapping problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> failure(Exception failure) {
        return problems.answer(failure);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        ProblemDetail problem = Problems.of(ProblemType.VALIDATION, "The request has invalid fields", errors);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem = ProblemMapping.causeOfType(unreadable, BodySizeLimitFilter.BodyTooLargeException.class)
                        != null
                ? Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large")
                : Problems.of(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON for this endpoint");
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** Everything else the framework answers (404, 405, 415, …) gets a stable type and the request id. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemType type = ProblemType.forStatus(status.value());
        String detail = body instanceof ProblemDetail framework && framework.getDetail() != null
                ? framework.getDetail()
                : type.title();
        return ResponseEntity.status(status).headers(headers).body(Problems.of(type, detail));
    }
}
