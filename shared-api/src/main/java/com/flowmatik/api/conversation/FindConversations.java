package com.flowmatik.api.conversation;

import com.flowmatik.api.identity.UserId;

/** Finds a user's conversations, most recently updated first. */
public record FindConversations(UserId userId) {}
