package com.flowmatik.command.ai.provider;

/**
 * The listener of a streamed answer threw (typically: the user went away), so the stream was closed
 * before the answer was complete. Not a provider failure: nothing is answered, and the usage the
 * provider reported so far is what is charged.
 */
public final class StreamCancelled extends RuntimeException {

    private final transient TokenUsage usage;

    public StreamCancelled(TokenUsage usage, Throwable cause) {
        super("the listener stopped the stream: " + cause.getMessage(), cause);
        this.usage = usage;
    }

    /** The usage the provider reported before the stream was closed, or {@code null} when none. */
    public TokenUsage usage() {
        return usage;
    }
}
