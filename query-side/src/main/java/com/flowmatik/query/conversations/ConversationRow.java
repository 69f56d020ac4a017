package com.flowmatik.query.conversations;

import com.flowmatik.api.conversation.ConversationSummary;
import com.flowmatik.api.conversation.ConversationTranscript;
import com.flowmatik.api.conversation.TranscriptMessage;
import com.flowmatik.query.EventSequence;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One conversation in the list of its owner; read here, written by {@link JdbcConversationRows}. */
@Entity
@Table(name = "conversations")
class ConversationRow {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "user_id", nullable = false, length = 64)
    private String userId;

    @Column(name = "title", nullable = false, length = 128)
    private String title;

    @Column(name = "message_count", nullable = false)
    private int messageCount;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Maps {@code last_event_sequence}, which only {@link JdbcConversationRows} reads and writes. */
    @Embedded
    private EventSequence sequence = new EventSequence();

    protected ConversationRow() {}

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    ConversationTranscript toTranscript(List<TranscriptMessage> messages) {
        return new ConversationTranscript(id, title, startedAt, updatedAt, messages);
    }

    ConversationSummary toSummary() {
        return new ConversationSummary(id, title, messageCount, updatedAt);
    }
}
