package com.flowmatik.api.conversation;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Add a user's message and the model's answer to a conversation, starting it (titled after the
 * first message) when it is new.
 */
public record RecordChatTurn(
        @TargetAggregateIdentifier String conversationId,
        UserId userId,
        String requestId,
        String model,
        String userMessage,
        String assistantMessage,
        Instant at) {}
