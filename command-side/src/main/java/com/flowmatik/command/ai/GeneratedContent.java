package com.flowmatik.command.ai;

import java.util.List;

/**
 * What a generation made: the text or the images, what each metered step used and cost, and the
 * totals. {@code requestId} is the generation's id; steps carry their own request ids.
 */
public record GeneratedContent(
        String requestId,
        String type,
        String content,
        List<String> images,
        List<Step> steps,
        ChatAnswer.Usage usage,
        long costMicros) {

    /** One metered request of a generation. */
    public record Step(String name, String requestId, String model, ChatAnswer.Usage usage, long costMicros) {}
}
