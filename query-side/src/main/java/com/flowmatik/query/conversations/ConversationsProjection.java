package com.flowmatik.query.conversations;

import com.flowmatik.api.conversation.ConversationDeleted;
import com.flowmatik.api.conversation.ConversationRenamed;
import com.flowmatik.api.conversation.ConversationStarted;
import com.flowmatik.api.conversation.ConversationSummary;
import com.flowmatik.api.conversation.ConversationTranscript;
import com.flowmatik.api.conversation.FindConversation;
import com.flowmatik.api.conversation.FindConversations;
import com.flowmatik.api.conversation.MessageAdded;
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
 * {@link FindConversations} and {@link FindConversation}.
 */
@Component
@ProcessingGroup(ConversationsProjection.GROUP)
class ConversationsProjection {

    static final String GROUP = "conversations";

    private final ConversationRows rows;
    private final ConversationMessageRows messages;

    ConversationsProjection(ConversationRows rows, ConversationMessageRows messages) {
        this.rows = rows;
        this.messages = messages;
    }

    @EventHandler
    void on(ConversationStarted event) {
        if (!rows.existsById(event.conversationId())) {
            rows.save(new ConversationRow(
                    event.conversationId(), event.userId().value(), event.title(), event.startedAt()));
        }
    }

    @EventHandler
    void on(MessageAdded event, @SequenceNumber long sequenceNumber) {
        ConversationMessageRow message = new ConversationMessageRow(
                event.conversationId(),
                sequenceNumber,
                event.role(),
                event.content(),
                event.requestId(),
                event.addedAt());
        if (messages.existsById(message.id())) {
            return;
        }
        messages.save(message);
        rows.findById(event.conversationId()).ifPresent(row -> {
            row.countMessage(sequenceNumber, event.addedAt());
            rows.save(row);
        });
    }

    @EventHandler
    void on(ConversationRenamed event, @SequenceNumber long sequenceNumber) {
        rows.findById(event.conversationId()).ifPresent(row -> {
            row.rename(sequenceNumber, event.title(), event.renamedAt());
            rows.save(row);
        });
    }

    /** Gone from the list and no longer served; the usage it cost is the usage projection's. */
    @EventHandler
    void on(ConversationDeleted event) {
        messages.deleteByConversationId(event.conversationId());
        rows.deleteById(event.conversationId());
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
}
