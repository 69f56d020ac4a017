package com.flowmatik.api.conversation;

import com.flowmatik.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ask a conversation for its messages before a new turn, as its owner. Changes nothing; a
 * conversation of another user is refused as not found.
 */
public record ReadConversation(@TargetAggregateIdentifier String conversationId, UserId userId) {}
