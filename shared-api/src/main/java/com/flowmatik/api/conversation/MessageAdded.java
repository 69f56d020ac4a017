package com.flowmatik.api.conversation;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A message was added to a conversation: the user's, or the model's answer to the request {@code requestId}. */
@Revision("1")
public record MessageAdded(
        String conversationId,
        UserId userId,
        String requestId,
        String role,
        String content,
        String model,
        Instant addedAt) {}
