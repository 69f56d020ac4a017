package com.flowmatik.command.ai.provider;

/**
 * The provider did not answer within the configured connect, read or request timeout. The edge
 * answers 504. A stream that stalled carries the usage reported before it did.
 */
public final class ProviderTimedOut extends ProviderException {

    public ProviderTimedOut(String message, TokenUsage usage, Throwable cause) {
        super(message, usage, cause);
    }
}
