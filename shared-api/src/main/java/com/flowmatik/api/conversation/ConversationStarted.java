package com.flowmatik.api.conversation;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A user started a conversation; the title comes from its first message. */
@Revision("1")
public record ConversationStarted(String conversationId, UserId userId, String title, Instant startedAt) {}
