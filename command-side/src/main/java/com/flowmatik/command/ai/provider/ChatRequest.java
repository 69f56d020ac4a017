package com.flowmatik.command.ai.provider;

import java.util.List;
import java.util.Objects;

/**
 * A chat prompt for one model.
 *
 * @param model the model id as the provider knows it (see {@link ModelCatalogue})
 * @param messages the prompt, oldest first
 * @param maxTokens the most completion tokens to produce, or {@code null} for the provider's default
 */
public record ChatRequest(String model, List<ChatMessage> messages, Integer maxTokens) {

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
        }
    }
}
