package com.flowmatik.api.conversation;

import java.time.Instant;

/**
 * One message of a conversation as it was said.
 *
 * @param role {@code user} or {@code assistant}
 * @param requestId the AI request of the turn it belongs to
 */
public record TranscriptMessage(String role, String content, Instant at, String requestId) {}
