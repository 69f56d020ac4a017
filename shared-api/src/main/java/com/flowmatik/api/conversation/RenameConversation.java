package com.flowmatik.api.conversation;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a conversation a title of its owner's choosing; another user's is refused as not found. */
public record RenameConversation(
        @TargetAggregateIdentifier String conversationId, UserId userId, String title, Instant at) {}
