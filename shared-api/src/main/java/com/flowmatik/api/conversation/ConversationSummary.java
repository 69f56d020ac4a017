package com.flowmatik.api.conversation;

import java.time.Instant;

/** A conversation in a list: its title, how many messages it holds, and when it last changed. */
public record ConversationSummary(String id, String title, int messageCount, Instant updatedAt) {}
