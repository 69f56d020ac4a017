package com.flowmatik.api.conversation;

import com.flowmatik.api.usage.CompleteAiRequest;

/**
 * Charge a chat answer and add its turn to the conversation, as one unit of work: a chat is
 * charged exactly when its turn is recorded. {@code startsConversation} says that the turn opens a
 * new conversation (its id is new), so nothing has to look for one first.
 */
public record CompleteChatTurn(CompleteAiRequest completion, RecordChatTurn turn, boolean startsConversation) {}
