package com.flowmatik.app.web;

import java.util.List;

/** A refusal decided at the web edge, answered as a problem of the given type. */
public class ApiProblem extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> fieldErrors;

    public ApiProblem(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ApiProblem(ProblemType type, String detail, List<FieldError> fieldErrors) {
        super(detail);
        this.type = type;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(ProblemType.VALIDATION, "The request has invalid fields", List.of(new FieldError(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
