package com.flowmatik.query.conversations;

import com.flowmatik.api.conversation.TranscriptMessage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One message of a conversation, keyed by the conversation and the event's place in its stream.
 * Read here; written by {@link JdbcConversationRows}.
 */
@Entity
@Table(name = "conversation_messages")
class ConversationMessageRow {

    @Id
    @Column(name = "id", length = 96)
    private String id;

    @Column(name = "conversation_id", nullable = false, length = 64)
    private String conversationId;

    @Column(name = "sequence_number", nullable = false)
    private long sequenceNumber;

    @Column(name = "role", nullable = false, length = 16)
    private String role;

    // LONGTEXT (an answer may pass TEXT's 64 KB), which H2 reads as VARCHAR: both validate
    @Column(name = "content", nullable = false, columnDefinition = "longtext")
    private String content;

    @Column(name = "request_id", length = 64)
    private String requestId;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected ConversationMessageRow() {}

    /** The key of the message at {@code sequenceNumber} in the conversation's stream. */
    static String id(String conversationId, long sequenceNumber) {
        return conversationId + "/" + sequenceNumber;
    }

    TranscriptMessage toMessage() {
        return new TranscriptMessage(role, content, addedAt, requestId);
    }
}
