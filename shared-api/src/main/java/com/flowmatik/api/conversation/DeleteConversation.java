package com.flowmatik.api.conversation;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Delete a conversation as its owner: it is listed and served no more. The usage it cost stays
 * in the usage account, where it was charged.
 */
public record DeleteConversation(@TargetAggregateIdentifier String conversationId, UserId userId, Instant at) {}
