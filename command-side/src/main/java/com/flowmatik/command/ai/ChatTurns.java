package com.flowmatik.command.ai;

import com.flowmatik.api.conversation.CompleteChatTurn;
import com.flowmatik.api.usage.UsageAccountIds;
import com.flowmatik.command.conversation.Conversation;
import com.flowmatik.command.usage.UsageAccount;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Charges a chat answer and records its turn in one unit of work, so one transaction writes both:
 * the usage account decides the charge, the conversation the turn, each by its own rules. A new
 * conversation is created outright, without looking for it first.
 */
@Component
class ChatTurns {

    private final Repository<UsageAccount> usageAccounts;
    private final Repository<Conversation> conversations;

    ChatTurns(Repository<UsageAccount> usageAccounts, Repository<Conversation> conversations) {
        this.usageAccounts = usageAccounts;
        this.conversations = conversations;
    }

    @CommandHandler
    void handle(CompleteChatTurn command) throws Exception {
        usageAccounts
                .load(UsageAccountIds.of(command.completion().userId()))
                .execute(account -> account.handle(command.completion()));
        if (command.startsConversation()) {
            conversations.newInstance(() -> {
                Conversation conversation = new Conversation();
                conversation.handle(command.turn());
                return conversation;
            });
        } else {
            conversations
                    .load(command.turn().conversationId())
                    .execute(conversation -> conversation.handle(command.turn()));
        }
    }
}
