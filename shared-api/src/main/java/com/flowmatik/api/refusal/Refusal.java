package com.flowmatik.api.refusal;

import java.util.Optional;
import org.axonframework.messaging.HandlerExecutionException;

/**
 * A refusal as it crosses the command bus, in the details of the exception that carries it: why
 * (the code) and, for invalid input, which field. Whoever receives it reads both from here, never
 * from the message's text.
 *
 * @param field the invalid field, or {@code null} when the refusal is not about one field
 */
public record Refusal(ErrorCode code, String field) {

    /** The refusal a failed command carries, if it carries one. */
    public static Optional<Refusal> of(HandlerExecutionException failure) {
        return failure.getDetails().filter(Refusal.class::isInstance).map(Refusal.class::cast);
    }

    /** Whether {@code failure} is a refusal with {@code code}. */
    public static boolean is(HandlerExecutionException failure, ErrorCode code) {
        return of(failure).map(Refusal::code).filter(code::equals).isPresent();
    }
}
