package com.flowmatik.command.ai.provider;

/**
 * A provider call that gave no answer. Its subtypes are the three ways that happens, each one HTTP
 * status at the edge; all carry the usage the provider reported before failing, because that much
 * is charged and nothing more.
 */
public abstract sealed class ProviderException extends RuntimeException
        permits ProviderUnavailable, ProviderFailed, ProviderTimedOut {

    private final transient TokenUsage usage;

    ProviderException(String message, TokenUsage usage, Throwable cause) {
        super(message, cause);
        this.usage = usage;
    }

    /** The usage the provider reported before the failure, or {@code null} when it reported none. */
    public TokenUsage usage() {
        return usage;
    }
}
