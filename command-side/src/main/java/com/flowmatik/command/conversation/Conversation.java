package com.flowmatik.command.conversation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.flowmatik.api.conversation.ChatMessage;
import com.flowmatik.api.conversation.ConversationDeleted;
import com.flowmatik.api.conversation.ConversationRenamed;
import com.flowmatik.api.conversation.ConversationStarted;
import com.flowmatik.api.conversation.ConversationSummary;
import com.flowmatik.api.conversation.DeleteConversation;
import com.flowmatik.api.conversation.MessageAdded;
import com.flowmatik.api.conversation.ReadConversation;
import com.flowmatik.api.conversation.RecordChatTurn;
import com.flowmatik.api.conversation.RenameConversation;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.command.AggregateCache;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A chat between one user and the AI. Only its owner may read, extend, rename or delete it; to
 * anyone else, and once deleted to everyone, it does not exist.
 */
@Aggregate(cache = AggregateCache.CONVERSATIONS)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Conversation {

    static final int TITLE_LENGTH = 60;
    /** The longest title an owner may give (the read model keeps 128 characters). */
    static final int MAX_TITLE_LENGTH = 128;

    @AggregateIdentifier
    private String conversationId;

    private UserId owner;
    private List<ChatMessage> messages = new ArrayList<>();
    private boolean deleted;

    public Conversation() {
        // for Axon
    }

    @CommandHandler
    List<ChatMessage> handle(ReadConversation command) {
        requireOwner(command.userId());
        return List.copyOf(messages);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordChatTurn command) {
        if (conversationId == null) {
            apply(new ConversationStarted(
                    command.conversationId(), command.userId(), title(command.userMessage()), command.at()));
        } else {
            requireOwner(command.userId());
        }
        apply(new MessageAdded(
                command.conversationId(),
                command.userId(),
                command.requestId(),
                "user",
                command.userMessage(),
                null,
                command.at()));
        apply(new MessageAdded(
                command.conversationId(),
                command.userId(),
                command.requestId(),
                "assistant",
                command.assistantMessage(),
                command.model(),
                command.at()));
    }

    @CommandHandler
    ConversationSummary handle(RenameConversation command) {
        requireOwner(command.userId());
        String title = command.title() == null ? "" : command.title().strip().replaceAll("\\s+", " ");
        if (title.isEmpty() || title.length() > MAX_TITLE_LENGTH) {
            throw BusinessRuleViolation.invalidField("title", "must be 1 to " + MAX_TITLE_LENGTH + " characters");
        }
        apply(new ConversationRenamed(conversationId, command.userId(), title, command.at()));
        return new ConversationSummary(conversationId, title, messages.size(), command.at());
    }

    @CommandHandler
    void handle(DeleteConversation command) {
        requireOwner(command.userId());
        apply(new ConversationDeleted(conversationId, command.userId(), command.at()));
    }

    private void requireOwner(UserId userId) {
        if (owner == null || deleted || !owner.equals(userId)) {
            throw new BusinessRuleViolation(ErrorCode.NOT_FOUND, "No such conversation");
        }
    }

    static String title(String firstMessage) {
        String oneLine = firstMessage.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= TITLE_LENGTH ? oneLine : oneLine.substring(0, TITLE_LENGTH - 1) + "…";
    }

    @EventSourcingHandler
    void on(ConversationStarted event) {
        conversationId = event.conversationId();
        owner = event.userId();
    }

    @EventSourcingHandler
    void on(MessageAdded event) {
        messages.add(new ChatMessage(event.role(), event.content()));
    }

    @EventSourcingHandler
    void on(ConversationDeleted event) {
        deleted = true;
        messages = new ArrayList<>();
    }
}
