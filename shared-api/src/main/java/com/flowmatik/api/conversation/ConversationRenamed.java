package com.flowmatik.api.conversation;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The owner gave a conversation a new title. */
@Revision("1")
public record ConversationRenamed(String conversationId, UserId userId, String title, Instant renamedAt) {}
