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
import java.util.regex.Pattern;
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

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

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
        String title = command.title() == null
                ? ""
                : WHITESPACE.matcher(command.title().strip()).replaceAll(" ");
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

    /**
     * The first message on one line (each run of whitespace, as regex {@code \s} has it, one space),
     * cut to {@value #TITLE_LENGTH} characters. Only as much of the message is read as the title
     * needs: a regex over a long first message was half a percent of the chat benchmark's samples.
     */
    static String title(String firstMessage) {
        String text = firstMessage.strip();
        StringBuilder title = new StringBuilder(TITLE_LENGTH + 1);
        boolean space = false;
        for (int i = 0; i < text.length() && title.length() <= TITLE_LENGTH; i++) {
            char next = text.charAt(i);
            if (isRegexSpace(next)) {
                space = true;
            } else {
                if (space) {
                    title.append(' ');
                    space = false;
                }
                title.append(next);
            }
        }
        return title.length() <= TITLE_LENGTH ? title.toString() : title.substring(0, TITLE_LENGTH - 1) + "…";
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
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
