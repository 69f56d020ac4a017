package com.flowmatik.api.refusal;

/**
 * The write side refuses a command: nothing was recorded. Carries an {@link ErrorCode} so that the
 * refusal keeps its meaning across a distributed command bus and at the web edge.
 */
public class BusinessRuleViolation extends RuntimeException {

    private final ErrorCode code;

    public BusinessRuleViolation(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
