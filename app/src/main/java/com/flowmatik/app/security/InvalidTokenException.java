package com.flowmatik.app.security;

/** A bearer token that is not accepted: malformed, wrongly signed, of another algorithm, or expired. */
public class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
