package com.flowmatik.query.conversations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The conversations one batch of events changes, folded in memory: when the batch commits, the rows
 * it touches are read with one query, take in its events in the order they came, and are written
 * with one JDBC batch per statement. A metered chat adds a message pair to a conversation; row by
 * row (a look-up and a save per message, and a look-up and a save of the conversation for each)
 * the projection showed in the chat benchmark's profile.
 */
final class ConversationBatch {

    private final Map<String, List<Consumer<ConversationFold>>> changes = new LinkedHashMap<>();

    /** An event changes the conversation; applied in order when the batch is written. */
    void change(String conversationId, Consumer<ConversationFold> change) {
        changes.computeIfAbsent(conversationId, id -> new ArrayList<>()).add(change);
    }

    /** Reads the rows touched, applies the changes and writes what they changed. */
    void writeTo(JdbcConversationRows rows) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, ConversationFold> stored = rows.find(changes.keySet());
        List<ConversationFold> folds = new ArrayList<>(changes.size());
        changes.forEach((id, list) -> {
            ConversationFold fold = stored.getOrDefault(id, ConversationFold.absent(id));
            list.forEach(change -> change.accept(fold));
            folds.add(fold);
        });
        rows.save(folds);
    }
}
