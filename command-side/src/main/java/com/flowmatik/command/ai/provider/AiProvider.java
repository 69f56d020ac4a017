package com.flowmatik.command.ai.provider;

import java.util.function.Consumer;

/**
 * One AI provider. Every answer carries the usage the provider itself reported, because that is
 * what the user is charged for; every failure is a {@link ProviderException} that says whether the
 * provider is unavailable (503), answered an error (502) or took too long (504), with any usage it
 * reported before failing. No call is retried here: each one may be billable.
 */
public interface AiProvider {

    /** The provider's name as shown on models and in {@code /api/ai/status}, e.g. {@code siliconflow}. */
    String name();

    /** Whether calls go through at the moment: the state of the circuit breaker in front of the provider. */
    CircuitState status();

    /** A whole chat answer in one response. */
    ChatCompletion complete(ChatRequest request);

    /**
     * A chat answer as it is produced: {@code onDelta} receives each piece of content in order, and
     * the returned completion holds the whole content with the usage from the provider's final chunk.
     * If {@code onDelta} throws (the listener went away), the stream is closed and {@link
     * StreamCancelled} carries the usage reported so far.
     */
    ChatCompletion stream(ChatRequest request, Consumer<String> onDelta);

    /** Images for a prompt ({@code /images/generations}), as URLs or base64 data, whichever the provider gave. */
    ImageGeneration generateImage(ImageRequest request);
}
