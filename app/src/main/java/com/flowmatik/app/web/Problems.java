package com.flowmatik.app.web;

import java.util.List;
import org.slf4j.MDC;
import org.springframework.http.ProblemDetail;

/** Builds the problem details every error of the API is answered with. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    public static ProblemDetail of(ProblemType type, String detail, List<FieldError> errors) {
        ProblemDetail problem = of(type, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
