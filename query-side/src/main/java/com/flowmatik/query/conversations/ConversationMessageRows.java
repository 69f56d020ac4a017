package com.flowmatik.query.conversations;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConversationMessageRows extends JpaRepository<ConversationMessageRow, String> {

    List<ConversationMessageRow> findByConversationIdOrderBySequenceNumber(String conversationId);
}
