package com.flowmatik.app.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A refusal decided at the web edge, answered as a problem of the given type. */
public class ApiProblem extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> fieldErrors;
    private final Duration retryAfter;

    public ApiProblem(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ApiProblem(ProblemType type, String detail, List<FieldError> fieldErrors) {
        this(type, detail, fieldErrors, null);
    }

    private ApiProblem(ProblemType type, String detail, List<FieldError> fieldErrors, Duration retryAfter) {
        super(detail);
        this.type = type;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.retryAfter = retryAfter;
    }

    /** A refusal that the same request overcomes by waiting: answered with {@code Retry-After}. */
    public static ApiProblem retryAfter(ProblemType type, String detail, Duration wait) {
        return new ApiProblem(type, detail, List.of(), wait);
    }

    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(
                ProblemType.VALIDATION, "The request has invalid fields", List.of(new FieldError(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
