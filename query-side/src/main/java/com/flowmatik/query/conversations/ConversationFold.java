package com.flowmatik.query.conversations;

import com.flowmatik.query.EventSequence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One conversation while a batch is folded into it: its row as the batch leaves it and the messages
 * the batch adds. An event changes it only when its number in the conversation's stream is new to
 * the row ({@link EventSequence}), so a message delivered again is neither counted nor inserted
 * again, and inserting needs no look-up.
 */
final class ConversationFold {

    /** A message to insert, at its number in the conversation's stream. */
    record NewMessage(long sequence, String role, String content, String requestId, Instant addedAt) {}

    final String id;
    final List<NewMessage> messages = new ArrayList<>();
    /** Whether its row is in the table: updated then, inserted otherwise. */
    boolean stored;
    /** Whether the row and messages in the table go before the batch writes. */
    boolean deleteStored;
    /** Whether the conversation has a row once the batch is through. */
    boolean exists;
    /** Whether the row differs from the one in the table. */
    boolean changed;

    String userId;
    String title;
    int messageCount;
    Instant startedAt;
    Instant updatedAt;
    EventSequence sequence = new EventSequence();

    private ConversationFold(String id) {
        this.id = id;
    }

    /** A conversation without a row in the table. */
    static ConversationFold absent(String id) {
        return new ConversationFold(id);
    }

    /** A conversation as its stored row has it. */
    static ConversationFold stored(
            String id,
            String userId,
            String title,
            int messageCount,
            Instant startedAt,
            Instant updatedAt,
            long lastSequence) {
        ConversationFold fold = new ConversationFold(id);
        fold.stored = true;
        fold.exists = true;
        fold.userId = userId;
        fold.title = title;
        fold.messageCount = messageCount;
        fold.startedAt = startedAt;
        fold.updatedAt = updatedAt;
        fold.sequence = new EventSequence(lastSequence);
        return fold;
    }

    /** Starts the conversation, unless it has a row already (its start delivered again). */
    void start(long eventSequence, String owner, String firstTitle, Instant at) {
        if (exists) {
            return;
        }
        exists = true;
        changed = true;
        userId = owner;
        title = firstTitle;
        messageCount = 0;
        startedAt = at;
        updatedAt = at;
        sequence = new EventSequence();
        sequence.takesIn(eventSequence);
    }

    /** Counts and keeps the message at {@code eventSequence} when it is new to the row. */
    void add(long eventSequence, String role, String content, String requestId, Instant at) {
        if (exists && sequence.takesIn(eventSequence)) {
            messageCount++;
            updatedAt = at;
            changed = true;
            messages.add(new NewMessage(eventSequence, role, content, requestId, at));
        }
    }

    /** Renames the conversation when the event is new to the row: one delivered again would set a later message's time back. */
    void rename(long eventSequence, String newTitle, Instant at) {
        if (exists && sequence.takesIn(eventSequence)) {
            title = newTitle;
            updatedAt = at;
            changed = true;
        }
    }

    /** Gone with its messages, those in the table and those of the batch. */
    void delete() {
        deleteStored = true;
        stored = false;
        exists = false;
        changed = false;
        messages.clear();
    }
}
