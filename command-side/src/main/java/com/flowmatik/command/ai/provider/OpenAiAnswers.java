package com.flowmatik.command.ai.provider;

import com.openai.core.JsonArray;
import com.openai.core.JsonObject;
import com.openai.core.JsonString;
import com.openai.core.JsonValue;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.images.Image;
import com.openai.models.images.ImagesResponse;
import java.util.ArrayList;
import java.util.List;

/** The OpenAI client's answers in our terms, with the usage exactly as the provider reported it. */
final class OpenAiAnswers {

    private OpenAiAnswers() {}

    static TokenUsage usage(CompletionUsage usage) {
        long reasoning = usage.completionTokensDetails()
                .flatMap(details -> details.reasoningTokens())
                .orElse(0L);
        return new TokenUsage(usage.promptTokens(), usage.completionTokens(), reasoning);
    }

    /**
     * Generated images from OpenAI's {@code data} list, or from SiliconFlow's {@code images} list,
     * which it sends instead.
     */
    static ImageGeneration images(String provider, ImagesResponse answer) {
        List<String> urls = new ArrayList<>();
        List<String> b64 = new ArrayList<>();
        for (Image image : answer.data().orElse(List.of())) {
            image.url().ifPresent(urls::add);
            image.b64Json().ifPresent(b64::add);
        }
        if (answer._additionalProperties().get("images") instanceof JsonArray siliconFlowImages) {
            for (JsonValue image : siliconFlowImages.values()) {
                if (image instanceof JsonObject fields && fields.values().get("url") instanceof JsonString url) {
                    urls.add(url.value());
                }
            }
        }
        TokenUsage usage = answer.usage()
                .map(reported -> new TokenUsage(reported.inputTokens(), reported.outputTokens(), 0))
                .orElse(null);
        if (urls.isEmpty() && b64.isEmpty()) {
            throw new ProviderFailed(provider + " answered without an image", 0, usage, null);
        }
        return new ImageGeneration(urls, b64, usage);
    }
}
