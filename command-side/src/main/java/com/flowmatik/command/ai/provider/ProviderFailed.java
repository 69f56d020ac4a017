package com.flowmatik.command.ai.provider;

/**
 * The provider answered, but with an error status or something that is not a usable answer. The
 * edge answers 502 ({@code provider-error}).
 */
public final class ProviderFailed extends ProviderException {

    private final int status;

    /**
     * @param status the provider's HTTP status, or 0 when it answered 2xx with something unusable
     *     (unreadable JSON, no choices, a stream that broke off)
     */
    public ProviderFailed(String message, int status, TokenUsage usage, Throwable cause) {
        super(message, usage, cause);
        this.status = status;
    }

    /** The provider's HTTP status, or 0 when its answer was 2xx but unusable. */
    public int status() {
        return status;
    }

    /**
     * Whether this request, rather than the provider, was at fault: a 4xx other than 401, 403
     * (the provider refuses our key), 408 and 429 (the provider is slow or overloaded). Such
     * failures say nothing about the provider's health, so they do not open the circuit.
     */
    public boolean requestAtFault() {
        return status >= 400 && status < 500 && status != 401 && status != 403 && status != 408 && status != 429;
    }
}
