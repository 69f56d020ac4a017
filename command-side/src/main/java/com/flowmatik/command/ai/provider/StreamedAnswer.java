package com.flowmatik.command.ai.provider;

import com.openai.models.chat.completions.ChatCompletionChunk;
import java.util.function.Consumer;

/**
 * A streamed chat answer as its chunks arrive: the content so far, passed on delta by delta, and
 * the latest usage the provider reported (in the final chunk with {@code include_usage}, or in
 * every chunk, as SiliconFlow sends it), so that a stream that fails midway still knows what was used.
 */
final class StreamedAnswer {

    private final StringBuilder content = new StringBuilder();
    private TokenUsage usage;
    private String finishReason;

    /** Takes one chunk in and passes its content on; a listener that throws cancels the stream. */
    void take(ChatCompletionChunk chunk, Consumer<String> onDelta) {
        chunk.usage().map(OpenAiAnswers::usage).ifPresent(reported -> usage = reported);
        for (ChatCompletionChunk.Choice choice : chunk.choices()) {
            if (choice._index().asKnown().orElse(0L) != 0L) {
                continue;
            }
            choice._finishReason().asKnown().ifPresent(reason -> finishReason = reason.toString());
            String delta = choice.delta().content().orElse("");
            if (!delta.isEmpty()) {
                content.append(delta);
                deliver(delta, onDelta);
            }
        }
    }

    TokenUsage usage() {
        return usage;
    }

    /**
     * The whole answer.
     *
     * @throws ProviderFailed if the stream ended before the provider said why the answer ended:
     *     it broke off, and the content is incomplete
     */
    ChatCompletion completion(String provider) {
        if (finishReason == null) {
            throw new ProviderFailed(provider + "'s stream ended before the answer was finished", 0, usage, null);
        }
        return new ChatCompletion(content.toString(), usage, finishReason);
    }

    private void deliver(String delta, Consumer<String> onDelta) {
        try {
            onDelta.accept(delta);
        } catch (RuntimeException listenerFailure) {
            throw new StreamCancelled(usage, listenerFailure);
        }
    }
}
