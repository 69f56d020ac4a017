package com.flowmatik.query.conversations;

import com.flowmatik.api.conversation.ConversationDeleted;
import com.flowmatik.api.conversation.ConversationRenamed;
import com.flowmatik.api.conversation.ConversationStarted;
import com.flowmatik.api.conversation.ConversationSummary;
import com.flowmatik.api.conversation.ConversationTranscript;
import com.flowmatik.api.conversation.FindConversation;
import com.flowmatik.api.conversation.FindConversations;
import com.flowmatik.api.conversation.MessageAdded;
import com.flowmatik.query.ProcessorBatch;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Builds each user's conversation list and each conversation's messages, and answers
 * {@link FindConversations} and {@link FindConversation}. The events of a batch are folded per
 * conversation and written once when it commits ({@link ConversationBatch}); each conversation row
 * takes in an event only when its number in the conversation's stream is new to it, so an event
 * delivered again changes nothing.
 */
@Component
@ProcessingGroup(ConversationsProjection.GROUP)
class ConversationsProjection {

    static final String GROUP = "conversations";

    private final ConversationRows rows;
    private final ConversationMessageRows messages;
    private final JdbcConversationRows writes;

    ConversationsProjection(ConversationRows rows, ConversationMessageRows messages, JdbcConversationRows writes) {
        this.rows = rows;
        this.messages = messages;
        this.writes = writes;
    }

    @EventHandler
    void on(ConversationStarted event, @SequenceNumber long sequenceNumber) {
        batch().change(
                        event.conversationId(),
                        conversation -> conversation.start(
                                sequenceNumber, event.userId().value(), event.title(), event.startedAt()));
    }

    @EventHandler
    void on(MessageAdded event, @SequenceNumber long sequenceNumber) {
        batch().change(
                        event.conversationId(),
                        conversation -> conversation.add(
                                sequenceNumber, event.role(), event.content(), event.requestId(), event.addedAt()));
    }

    @EventHandler
    void on(ConversationRenamed event, @SequenceNumber long sequenceNumber) {
        batch().change(
                        event.conversationId(),
                        conversation -> conversation.rename(sequenceNumber, event.title(), event.renamedAt()));
    }

    /** Gone from the list and no longer served; the usage it cost is the usage projection's. */
    @EventHandler
    void on(ConversationDeleted event) {
        batch().change(event.conversationId(), ConversationFold::delete);
    }

    @ResetHandler
    void reset() {
        messages.deleteAllInBatch();
        rows.deleteAllInBatch();
    }

    @QueryHandler
    Optional<ConversationTranscript> handle(FindConversation query) {
        return rows.findById(query.conversationId())
                .filter(row -> row.userId().equals(query.userId().value()))
                .map(row -> row.toTranscript(messages.findByConversationIdOrderBySequenceNumber(row.id()).stream()
                        .map(ConversationMessageRow::toMessage)
                        .toList()));
    }

    @QueryHandler
    List<ConversationSummary> handle(FindConversations query) {
        return rows.findByUserIdOrderByUpdatedAtDesc(query.userId().value()).stream()
                .map(ConversationRow::toSummary)
                .toList();
    }

    /** The conversations of the batch being handled, written when it is about to commit ({@link ConversationBatch}). */
    private ConversationBatch batch() {
        return ProcessorBatch.of(ConversationBatch.class, ConversationBatch::new, batch -> batch.writeTo(writes));
    }
}
