package com.flowmatik.query.conversations;

import com.flowmatik.api.conversation.ConversationStarted;
import com.flowmatik.api.conversation.ConversationSummary;
import com.flowmatik.api.conversation.FindConversations;
import com.flowmatik.api.conversation.MessageAdded;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Builds each user's conversation list and answers {@link FindConversations}. */
@Component
@ProcessingGroup(ConversationsProjection.GROUP)
class ConversationsProjection {

    static final String GROUP = "conversations";

    private final ConversationRows rows;

    ConversationsProjection(ConversationRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(ConversationStarted event) {
        if (!rows.existsById(event.conversationId())) {
            rows.save(new ConversationRow(
                    event.conversationId(), event.userId().value(), event.title(), event.startedAt()));
        }
    }

    @EventHandler
    void on(MessageAdded event, @SequenceNumber long sequence) {
        rows.findById(event.conversationId()).ifPresent(row -> {
            row.countMessage(sequence, event.addedAt());
            rows.save(row);
        });
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
    }

    @QueryHandler
    List<ConversationSummary> handle(FindConversations query) {
        return rows.findByUserIdOrderByUpdatedAtDesc(query.userId().value()).stream()
                .map(ConversationRow::toSummary)
                .toList();
    }
}
