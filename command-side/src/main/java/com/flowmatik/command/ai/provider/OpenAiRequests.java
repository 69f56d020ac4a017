package com.flowmatik.command.ai.provider;

import com.openai.core.JsonValue;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.images.ImageGenerateParams;

/** Our requests in the OpenAI client's terms. */
final class OpenAiRequests {

    private OpenAiRequests() {}

    /**
     * A chat request. {@code max_tokens} rather than {@code max_completion_tokens}: SiliconFlow and
     * other compatible providers read only the former, and OpenAI still accepts it for chat models.
     */
    @SuppressWarnings("deprecation")
    static ChatCompletionCreateParams chat(ChatRequest request) {
        ChatCompletionCreateParams.Builder params =
                ChatCompletionCreateParams.builder().model(request.model());
        for (ChatMessage message : request.messages()) {
            switch (message.role()) {
                case "system" -> params.addSystemMessage(message.content());
                case "assistant" -> params.addAssistantMessage(message.content());
                default -> params.addUserMessage(message.content());
            }
        }
        if (request.maxTokens() != null) {
            params.maxTokens(request.maxTokens().longValue());
        }
        return params.build();
    }

    /** A streamed chat request that asks for the usage in a final chunk, as metering needs it. */
    static ChatCompletionCreateParams streamedChat(ChatRequest request) {
        return chat(request).toBuilder()
                .streamOptions(
                        ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
    }

    /** An image request in the shape the configured provider takes. */
    static ImageGenerateParams images(ImageRequest request, AiProperties.ImageApi api) {
        ImageGenerateParams.Builder params =
                ImageGenerateParams.builder().model(request.model()).prompt(request.prompt());
        return switch (api) {
            case OPENAI -> params.n((long) request.count()).size(request.size()).build();
            case SILICONFLOW ->
                params.putAdditionalBodyProperty("batch_size", JsonValue.from(request.count()))
                        .putAdditionalBodyProperty("image_size", JsonValue.from(request.size()))
                        .build();
        };
    }
}
