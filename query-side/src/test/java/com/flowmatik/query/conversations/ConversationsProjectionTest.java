package com.flowmatik.query.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.api.conversation.ConversationDeleted;
import com.flowmatik.api.conversation.ConversationRenamed;
import com.flowmatik.api.conversation.ConversationStarted;
import com.flowmatik.api.conversation.ConversationSummary;
import com.flowmatik.api.conversation.ConversationTranscript;
import com.flowmatik.api.conversation.FindConversation;
import com.flowmatik.api.conversation.FindConversations;
import com.flowmatik.api.conversation.MessageAdded;
import com.flowmatik.api.conversation.TranscriptMessage;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.query.Deliveries;
import com.flowmatik.query.ProjectionTest;
import com.flowmatik.query.Tables;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each user's conversations and their messages, served to their owner only, each message counted once. */
@ProjectionTest({ConversationsProjection.class, JdbcConversationRows.class})
class ConversationsProjectionTest {

    private static final UserId ADA = UserId.of("0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d");
    private static final UserId GRACE = UserId.of("5d1e2a3b-7c4f-4e8a-9b0c-1d2e3f4a5b6c");
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Autowired
    ConversationsProjection projection;

    @Autowired
    Deliveries deliveries;

    @Autowired
    Tables tables;

    private Deliveries.Aggregate first;
    private Deliveries.Aggregate second;

    @BeforeEach
    void setUp() {
        first = deliveries.of("Conversation", "c-1");
        second = deliveries.of("Conversation", "c-2");
    }

    @Test
    void aStartedConversationIsListedForItsOwnerOnly() {
        deliveries.deliver(projection, first.next(new ConversationStarted("c-1", ADA, "Recipes", T0)));

        assertThat(projection.handle(new FindConversations(ADA)))
                .containsExactly(new ConversationSummary("c-1", "Recipes", 0, T0));
        assertThat(projection.handle(new FindConversations(GRACE))).isEmpty();
        assertThat(projection.handle(new FindConversation("c-1", GRACE))).isEmpty();
    }

    @Test
    void messagesAreCountedAndServedInTheOrderTheyWereAdded() {
        deliveries.deliver(
                projection,
                first.next(new ConversationStarted("c-1", ADA, "Recipes", T0)),
                first.next(question("c-1", "Bread?", T0.plusSeconds(1))),
                first.next(answer("c-1", "Flour, water, salt.", T0.plusSeconds(2))));

        assertThat(projection.handle(new FindConversations(ADA)))
                .containsExactly(new ConversationSummary("c-1", "Recipes", 2, T0.plusSeconds(2)));
        assertThat(projection.handle(new FindConversation("c-1", ADA)))
                .contains(new ConversationTranscript(
                        "c-1",
                        "Recipes",
                        T0,
                        T0.plusSeconds(2),
                        List.of(
                                new TranscriptMessage("user", "Bread?", T0.plusSeconds(1), "r-1"),
                                new TranscriptMessage("assistant", "Flour, water, salt.", T0.plusSeconds(2), "r-1"))));
    }

    @Test
    void aRenamedConversationIsListedUnderItsNewTitle() {
        deliveries.deliver(
                projection,
                first.next(new ConversationStarted("c-1", ADA, "New chat", T0)),
                first.next(new ConversationRenamed("c-1", ADA, "Recipes", T0.plusSeconds(5))));

        assertThat(projection.handle(new FindConversations(ADA)))
                .containsExactly(new ConversationSummary("c-1", "Recipes", 0, T0.plusSeconds(5)));
    }

    @Test
    void conversationsAreListedMostRecentlyUpdatedFirst() {
        deliveries.deliver(
                projection,
                first.next(new ConversationStarted("c-1", ADA, "Older", T0)),
                second.next(new ConversationStarted("c-2", ADA, "Newer", T0.plusSeconds(1))),
                first.next(question("c-1", "Still there?", T0.plusSeconds(2))));

        assertThat(projection.handle(new FindConversations(ADA)))
                .extracting(ConversationSummary::id)
                .containsExactly("c-1", "c-2");
    }

    @Test
    void aDeletedConversationIsGoneWithItsMessages() {
        deliveries.deliver(
                projection,
                first.next(new ConversationStarted("c-1", ADA, "Recipes", T0)),
                first.next(question("c-1", "Bread?", T0.plusSeconds(1))),
                second.next(new ConversationStarted("c-2", ADA, "Kept", T0)),
                second.next(question("c-2", "Kept?", T0.plusSeconds(1))),
                first.next(new ConversationDeleted("c-1", ADA, T0.plusSeconds(3))));

        assertThat(projection.handle(new FindConversation("c-1", ADA))).isEmpty();
        assertThat(projection.handle(new FindConversations(ADA)))
                .extracting(ConversationSummary::id)
                .containsExactly("c-2");
        assertThat(tables.count("conversation_messages")).isOne();
    }

    @Test
    void anyTailOfTheHistoryDeliveredAgainLeavesTheSameRows() {
        TrackedEventMessage<?>[] history = {
            first.next(new ConversationStarted("c-1", ADA, "New chat", T0)),
            first.next(question("c-1", "Bread?", T0.plusSeconds(1))),
            second.next(new ConversationStarted("c-2", ADA, "Gone soon", T0.plusSeconds(2))),
            first.next(answer("c-1", "Flour, water, salt.", T0.plusSeconds(3))),
            second.next(question("c-2", "Hello?", T0.plusSeconds(4))),
            first.next(new ConversationRenamed("c-1", ADA, "Recipes", T0.plusSeconds(5))),
            second.next(new ConversationDeleted("c-2", ADA, T0.plusSeconds(6))),
            first.next(question("c-1", "And yeast?", T0.plusSeconds(7)))
        };

        deliveries.assertEveryRedeliveryChangesNothing(
                projection, () -> List.of(tables.rows("conversations"), tables.rows("conversation_messages")), history);

        assertThat(projection.handle(new FindConversations(ADA)))
                .containsExactly(new ConversationSummary("c-1", "Recipes", 3, T0.plusSeconds(7)));
    }

    @Test
    void aMessagePairOfEachOfManyConversationsInOneBatchIsCountedOnEach() {
        deliveries.deliver(
                projection,
                first.next(new ConversationStarted("c-1", ADA, "Recipes", T0)),
                second.next(new ConversationStarted("c-2", GRACE, "Travel", T0)));

        deliveries.deliver(
                projection,
                first.next(question("c-1", "Bread?", T0.plusSeconds(1))),
                second.next(question("c-2", "Lisbon?", T0.plusSeconds(1))),
                first.next(answer("c-1", "Flour, water, salt.", T0.plusSeconds(2))),
                second.next(answer("c-2", "In spring.", T0.plusSeconds(2))));

        assertThat(projection.handle(new FindConversations(ADA)))
                .containsExactly(new ConversationSummary("c-1", "Recipes", 2, T0.plusSeconds(2)));
        assertThat(projection.handle(new FindConversations(GRACE)))
                .containsExactly(new ConversationSummary("c-2", "Travel", 2, T0.plusSeconds(2)));
        assertThat(projection
                        .handle(new FindConversation("c-2", GRACE))
                        .orElseThrow()
                        .messages())
                .extracting(TranscriptMessage::content)
                .containsExactly("Lisbon?", "In spring.");
    }

    @Test
    void eachEventDeliveredTwiceIsTakenInOnce() {
        TrackedEventMessage<?> started = first.next(new ConversationStarted("c-1", ADA, "New chat", T0));
        TrackedEventMessage<?> asked = first.next(question("c-1", "Bread?", T0.plusSeconds(1)));
        TrackedEventMessage<?> renamed = first.next(new ConversationRenamed("c-1", ADA, "Recipes", T0.plusSeconds(2)));
        TrackedEventMessage<?> answered = first.next(answer("c-1", "Flour, water, salt.", T0.plusSeconds(3)));

        deliveries.deliverTwice(projection, started);
        deliveries.deliverTwice(projection, asked);
        deliveries.deliver(projection, renamed, renamed);
        deliveries.deliverTwice(projection, answered, renamed);

        assertThat(projection.handle(new FindConversations(ADA)))
                .containsExactly(new ConversationSummary("c-1", "Recipes", 2, T0.plusSeconds(3)));
        assertThat(tables.count("conversation_messages")).isEqualTo(2);
    }

    @Test
    void aConversationStartedAndDeletedInOneBatchLeavesNothing() {
        deliveries.deliver(
                projection,
                first.next(new ConversationStarted("c-1", ADA, "Recipes", T0)),
                first.next(question("c-1", "Bread?", T0.plusSeconds(1))),
                first.next(new ConversationDeleted("c-1", ADA, T0.plusSeconds(2))));

        assertThat(tables.count("conversations")).isZero();
        assertThat(tables.count("conversation_messages")).isZero();
    }

    @Test
    void aReplayAfterAResetBuildsTheSameRows() {
        TrackedEventMessage<?>[] history = {
            first.next(new ConversationStarted("c-1", ADA, "New chat", T0)),
            first.next(question("c-1", "Bread?", T0.plusSeconds(1))),
            first.next(answer("c-1", "Flour, water, salt.", T0.plusSeconds(2))),
            first.next(new ConversationRenamed("c-1", ADA, "Recipes", T0.plusSeconds(3)))
        };
        deliveries.deliver(projection, history);
        List<?> before = List.of(tables.rows("conversations"), tables.rows("conversation_messages"));

        deliveries.reset(projection);
        deliveries.deliver(projection, history);

        assertThat(List.of(tables.rows("conversations"), tables.rows("conversation_messages")))
                .isEqualTo(before);
    }

    @Test
    void aResetEmptiesBothTables() {
        deliveries.deliver(
                projection,
                first.next(new ConversationStarted("c-1", ADA, "Recipes", T0)),
                first.next(question("c-1", "Bread?", T0.plusSeconds(1))));

        deliveries.reset(projection);

        assertThat(tables.count("conversations")).isZero();
        assertThat(tables.count("conversation_messages")).isZero();
    }

    private static MessageAdded question(String conversationId, String content, Instant at) {
        return new MessageAdded(conversationId, ADA, "r-1", "user", content, "gpt-4o-mini", at);
    }

    private static MessageAdded answer(String conversationId, String content, Instant at) {
        return new MessageAdded(conversationId, ADA, "r-1", "assistant", content, "gpt-4o-mini", at);
    }
}
