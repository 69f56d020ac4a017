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

/** One conversation in the list of its owner. */
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

    @Embedded
    private EventSequence sequence = new EventSequence();

    protected ConversationRow() {}

    ConversationRow(String id, String userId, String title, Instant startedAt) {
        this.id = id;
        this.userId = userId;
        this.title = title;
        this.startedAt = startedAt;
        this.updatedAt = startedAt;
    }

    /**
     * Counts the message at {@code sequence} (its number in the conversation's stream) unless this
     * row took it in already: a message delivered again is counted once.
     */
    void countMessage(long sequence, Instant at) {
        if (this.sequence.takesIn(sequence)) {
            messageCount++;
            updatedAt = at;
        }
    }

    /**
     * Renames the conversation by its event number {@code sequence}, unless this row took that
     * event in already: a rename delivered again would set the time of a later message back.
     */
    void rename(long sequence, String newTitle, Instant at) {
        if (this.sequence.takesIn(sequence)) {
            title = newTitle;
            updatedAt = at;
        }
    }

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
