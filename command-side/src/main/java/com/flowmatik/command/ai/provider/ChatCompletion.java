package com.flowmatik.command.ai.provider;

/**
 * A provider's chat answer.
 *
 * @param content the answer's text
 * @param usage the usage the provider reported, or {@code null} when it reported none (the caller
 *     then estimates with {@link TokenCounter} and marks the charge estimated)
 * @param finishReason why the answer ended as the provider said it ({@code stop}, {@code length}, …),
 *     or {@code null} when it did not say
 */
public record ChatCompletion(String content, TokenUsage usage, String finishReason) {}
