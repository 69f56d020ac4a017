package com.flowmatik.command.ai.provider;

/**
 * Tokens a provider reported for one call, the numbers a user is charged for.
 *
 * @param promptTokens tokens read
 * @param completionTokens tokens written, reasoning tokens included (as OpenAI counts them)
 * @param reasoningTokens the part of {@code completionTokens} spent on hidden reasoning, 0 where not reported
 */
public record TokenUsage(long promptTokens, long completionTokens, long reasoningTokens) {

    public TokenUsage {
        if (promptTokens < 0 || completionTokens < 0 || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts are never negative");
        }
    }

    /** Prompt and completion together: what counts against a daily token limit. */
    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
