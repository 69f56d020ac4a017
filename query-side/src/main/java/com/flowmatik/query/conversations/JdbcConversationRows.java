package com.flowmatik.query.conversations;

import com.flowmatik.query.ProcessorBatch;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code conversations} and {@code conversation_messages} rows a batch touches, through JDBC:
 * one query to read the conversations, one JDBC batch per statement to write, in the transaction of
 * the processor's batch ({@link ConversationBatch}). Only the segment that owns a user's events
 * writes that user's conversations.
 */
@Repository
class JdbcConversationRows {

    private final NamedParameterJdbcTemplate jdbc;

    JdbcConversationRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored conversations of these ids; an id without a row is missing from the answer. */
    Map<String, ConversationFold> find(Set<String> ids) {
        Map<String, ConversationFold> found = new HashMap<>();
        jdbc.query(
                "SELECT id, user_id, title, message_count, started_at, updated_at, last_event_sequence"
                        + " FROM conversations WHERE id IN (:ids)",
                Map.of("ids", List.copyOf(ids)),
                (ResultSet row) -> {
                    ConversationFold fold = ConversationFold.stored(
                            row.getString("id"),
                            row.getString("user_id"),
                            row.getString("title"),
                            row.getInt("message_count"),
                            row.getTimestamp("started_at").toInstant(),
                            row.getTimestamp("updated_at").toInstant(),
                            row.getLong("last_event_sequence"));
                    found.put(fold.id, fold);
                });
        return found;
    }

    /** Deletes what went, inserts the new conversations and messages, and updates the others. */
    void save(Collection<ConversationFold> folds) {
        List<String> deleted = folds.stream()
                .filter(fold -> fold.deleteStored)
                .map(fold -> fold.id)
                .toList();
        if (!deleted.isEmpty()) {
            jdbc.update("DELETE FROM conversation_messages WHERE conversation_id IN (:ids)", Map.of("ids", deleted));
            jdbc.update("DELETE FROM conversations WHERE id IN (:ids)", Map.of("ids", deleted));
        }
        ProcessorBatch.write(
                jdbc,
                "INSERT INTO conversations (id, user_id, title, message_count, started_at, updated_at,"
                        + " last_event_sequence) VALUES (:id, :userId, :title, :messageCount, :startedAt,"
                        + " :updatedAt, :lastSequence)",
                folds.stream()
                        .filter(fold -> fold.exists && !fold.stored)
                        .map(JdbcConversationRows::parameters)
                        .toList());
        ProcessorBatch.write(
                jdbc,
                "UPDATE conversations SET title = :title, message_count = :messageCount, updated_at = :updatedAt,"
                        + " last_event_sequence = :lastSequence WHERE id = :id",
                folds.stream()
                        .filter(fold -> fold.exists && fold.stored && fold.changed)
                        .map(JdbcConversationRows::parameters)
                        .toList());
        ProcessorBatch.write(
                jdbc,
                "INSERT INTO conversation_messages (id, conversation_id, sequence_number, role, content, request_id,"
                        + " added_at) VALUES (:id, :conversationId, :sequence, :role, :content, :requestId, :addedAt)",
                folds.stream()
                        .flatMap(fold -> fold.messages.stream().map(message -> parameters(fold.id, message)))
                        .toList());
    }

    private static MapSqlParameterSource parameters(ConversationFold fold) {
        return new MapSqlParameterSource()
                .addValue("id", fold.id)
                .addValue("userId", fold.userId)
                .addValue("title", fold.title, Types.VARCHAR)
                .addValue("messageCount", fold.messageCount)
                .addValue("startedAt", Timestamp.from(fold.startedAt))
                .addValue("updatedAt", Timestamp.from(fold.updatedAt))
                .addValue("lastSequence", fold.sequence.last());
    }

    private static MapSqlParameterSource parameters(String conversationId, ConversationFold.NewMessage message) {
        return new MapSqlParameterSource()
                .addValue("id", ConversationMessageRow.id(conversationId, message.sequence()))
                .addValue("conversationId", conversationId)
                .addValue("sequence", message.sequence())
                .addValue("role", message.role())
                .addValue("content", message.content())
                .addValue("requestId", message.requestId(), Types.VARCHAR)
                .addValue("addedAt", Timestamp.from(message.addedAt()));
    }
}
