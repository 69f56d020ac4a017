package com.flowmatik.command.ai.provider;

/**
 * No provider could take the call: none is configured for the model, it could not be reached, or
 * its circuit breaker is open after recent failures. The edge answers 503 ({@code provider-unavailable}).
 */
public final class ProviderUnavailable extends ProviderException {

    public ProviderUnavailable(String message, Throwable cause) {
        super(message, null, cause);
    }
}
