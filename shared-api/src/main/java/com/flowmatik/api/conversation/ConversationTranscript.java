package com.flowmatik.api.conversation;

import java.time.Instant;
import java.util.List;

/** A conversation as its owner reloads it: title, times, and every message in order. */
public record ConversationTranscript(
        String id, String title, Instant createdAt, Instant updatedAt, List<TranscriptMessage> messages) {

    public ConversationTranscript {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
