package com.flowmatik.api.refusal;

/**
 * The write side refuses a command: nothing was recorded. Carries an {@link ErrorCode}, and the
 * field when the input is invalid, so that the refusal keeps its meaning across a distributed
 * command bus and at the web edge ({@link Refusal}).
 */
public class BusinessRuleViolation extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public BusinessRuleViolation(ErrorCode code, String message) {
        this(code, null, message);
    }

    private BusinessRuleViolation(ErrorCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    /** Invalid input: {@code field} is wrong, and {@code reason} says how. */
    public static BusinessRuleViolation invalidField(String field, String reason) {
        return new BusinessRuleViolation(ErrorCode.VALIDATION, field, reason);
    }

    public ErrorCode code() {
        return code;
    }

    /** The invalid field, or {@code null} when the refusal is not about one field. */
    public String field() {
        return field;
    }

    /** The refusal as it crosses the command bus. */
    public Refusal refusal() {
        return new Refusal(code, field);
    }
}
