package com.flowmatik.api.conversation;

import com.flowmatik.api.identity.UserId;

/** Finds one conversation of a user with its messages; empty for another user's or a deleted one. */
public record FindConversation(String conversationId, UserId userId) {}
