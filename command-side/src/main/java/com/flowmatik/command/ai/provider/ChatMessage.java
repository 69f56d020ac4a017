package com.flowmatik.command.ai.provider;

import java.util.Objects;
import java.util.Set;

/**
 * One message of a chat prompt.
 *
 * @param role {@code system}, {@code user} or {@code assistant}: the roles every OpenAI-compatible
 *     provider accepts
 * @param content the text
 */
public record ChatMessage(String role, String content) {

    private static final Set<String> ROLES = Set.of("system", "user", "assistant");

    public ChatMessage {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("a chat message's role is system, user or assistant, not " + role);
        }
        Objects.requireNonNull(content, "content");
    }

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content);
    }
}
