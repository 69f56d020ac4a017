package com.flowmatik.api.conversation;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The owner deleted a conversation: from now on it does not exist for anyone, its charges stay. */
@Revision("1")
public record ConversationDeleted(String conversationId, UserId userId, Instant deletedAt) {}
