package com.flowmatik.command.ai;

import com.flowmatik.command.ai.provider.TokenUsage;

/** The answer of a chat turn as the API returns it: content, the usage charged and its cost. */
public record ChatAnswer(
        String requestId,
        String conversationId,
        String model,
        String content,
        Usage usage,
        long costMicros,
        boolean estimated) {

    /** Token counts as the API names them. */
    public record Usage(long promptTokens, long completionTokens, long totalTokens) {

        static Usage of(TokenUsage usage) {
            return new Usage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens());
        }
    }
}
