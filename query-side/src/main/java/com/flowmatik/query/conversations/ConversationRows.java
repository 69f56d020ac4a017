package com.flowmatik.query.conversations;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConversationRows extends JpaRepository<ConversationRow, String> {

    List<ConversationRow> findByUserIdOrderByUpdatedAtDesc(String userId);
}
