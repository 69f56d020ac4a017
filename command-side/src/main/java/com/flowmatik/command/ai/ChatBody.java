package com.flowmatik.command.ai;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/ai/chat}: a message, optionally in a conversation, with a model and an agent. */
public record ChatBody(
        @NotBlank @Size(max = 32_000) String message,
        @Size(max = 64) String conversationId,
        @Size(max = 128) String model,
        @Size(max = 32) String agent,
        Boolean stream) {}
