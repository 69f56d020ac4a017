package com.flowmatik.query.conversations;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ConversationMessageRows extends JpaRepository<ConversationMessageRow, String> {

    List<ConversationMessageRow> findByConversationIdOrderBySequenceNumber(String conversationId);

    @Modifying
    @Query("delete from ConversationMessageRow m where m.conversationId = :conversationId")
    void deleteByConversationId(String conversationId);
}
