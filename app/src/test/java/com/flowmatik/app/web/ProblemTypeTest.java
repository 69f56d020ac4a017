package com.flowmatik.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A status the framework answers by itself gets the plain type of that status, never a domain reason. */
class ProblemTypeTest {

    @Test
    void frameworkStatusesMapToTheirPlainTypes() {
        assertThat(ProblemType.forStatus(400)).isEqualTo(ProblemType.MALFORMED_REQUEST);
        assertThat(ProblemType.forStatus(401)).isEqualTo(ProblemType.UNAUTHORIZED);
        assertThat(ProblemType.forStatus(403)).isEqualTo(ProblemType.FORBIDDEN);
        assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.forStatus(409)).isEqualTo(ProblemType.CONFLICT);
        assertThat(ProblemType.forStatus(429)).isEqualTo(ProblemType.RATE_LIMITED);
        assertThat(ProblemType.forStatus(502)).isEqualTo(ProblemType.INTERNAL);
        assertThat(ProblemType.forStatus(503)).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
    }
}
