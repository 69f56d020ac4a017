package com.flowmatik.command.conversation;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A conversation belongs to one user and keeps every turn in order. */
class ConversationTest {

    private static final UserId ADA = UserId.of("0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d");
    private static final UserId EVE = UserId.of("2f0a6c1e-9a55-4f0e-8f3f-1b7a6b2d3c4e");
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private AggregateTestFixture<Conversation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Conversation.class);
    }

    @Test
    void theFirstTurnStartsTheConversationTitledAfterTheMessage() {
        fixture.givenNoPriorActivity()
                .when(new RecordChatTurn("c1", ADA, "r1", "offline", "  Plan my\nweek ", "Here is a plan", NOW))
                .expectEvents(
                        new ConversationStarted("c1", ADA, "Plan my week", NOW),
                        new MessageAdded("c1", ADA, "r1", "user", "  Plan my\nweek ", null, NOW),
                        new MessageAdded("c1", ADA, "r1", "assistant", "Here is a plan", "offline", NOW));
    }

    @Test
    void theOwnerReadsTheMessagesInOrderAndNothingIsRecorded() {
        fixture.given(
                        new ConversationStarted("c1", ADA, "Hi", NOW),
                        new MessageAdded("c1", ADA, "r1", "user", "Hi", null, NOW),
                        new MessageAdded("c1", ADA, "r1", "assistant", "Hello", "offline", NOW))
                .when(new ReadConversation("c1", ADA))
                .expectResultMessagePayload(
                        List.of(new ChatMessage("user", "Hi"), new ChatMessage("assistant", "Hello")))
                .expectNoEvents();
    }

    @Test
    void anotherUsersConversationDoesNotExistForThem() {
        fixture.given(new ConversationStarted("c1", ADA, "Hi", NOW))
                .when(new ReadConversation("c1", EVE))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anotherUserCannotAddToAConversation() {
        fixture.given(new ConversationStarted("c1", ADA, "Hi", NOW))
                .when(new RecordChatTurn("c1", EVE, "r2", "offline", "Mine now", "No", NOW))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theOwnerRenamesItAndGetsItsSummaryBack() {
        fixture.given(
                        new ConversationStarted("c1", ADA, "Hi", NOW),
                        new MessageAdded("c1", ADA, "r1", "user", "Hi", null, NOW),
                        new MessageAdded("c1", ADA, "r1", "assistant", "Hello", "offline", NOW))
                .when(new RenameConversation("c1", ADA, "  Greetings \n from Ada ", NOW.plusSeconds(60)))
                .expectEvents(new ConversationRenamed("c1", ADA, "Greetings from Ada", NOW.plusSeconds(60)))
                .expectResultMessagePayload(
                        new ConversationSummary("c1", "Greetings from Ada", 2, NOW.plusSeconds(60)));
    }

    @Test
    void aBlankTitleIsRefused() {
        fixture.given(new ConversationStarted("c1", ADA, "Hi", NOW))
                .when(new RenameConversation("c1", ADA, "   ", NOW))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anotherUserCanNeitherRenameNorDeleteIt() {
        fixture.given(new ConversationStarted("c1", ADA, "Hi", NOW))
                .when(new RenameConversation("c1", EVE, "Mine", NOW))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
        fixture.given(new ConversationStarted("c1", ADA, "Hi", NOW))
                .when(new DeleteConversation("c1", EVE, NOW))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theOwnerDeletesIt() {
        fixture.given(new ConversationStarted("c1", ADA, "Hi", NOW))
                .when(new DeleteConversation("c1", ADA, NOW))
                .expectEvents(new ConversationDeleted("c1", ADA, NOW));
    }

    @Test
    void aDeletedConversationExistsForNobodyItsOwnerIncluded() {
        fixture.given(new ConversationStarted("c1", ADA, "Hi", NOW), new ConversationDeleted("c1", ADA, NOW))
                .when(new ReadConversation("c1", ADA))
                .expectException(BusinessRuleViolation.class);
        fixture.given(new ConversationStarted("c1", ADA, "Hi", NOW), new ConversationDeleted("c1", ADA, NOW))
                .when(new RecordChatTurn("c1", ADA, "r2", "offline", "Again", "No", NOW))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
        fixture.given(new ConversationStarted("c1", ADA, "Hi", NOW), new ConversationDeleted("c1", ADA, NOW))
                .when(new DeleteConversation("c1", ADA, NOW))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void longTitlesAreCut() {
        assertThat(Conversation.title("x".repeat(200))).hasSize(Conversation.TITLE_LENGTH);
    }

    @Test
    void aTitleIsTheFirstMessageOnOneLineAsTheRegexMadeIt() {
        Random random = new Random(42);
        String alphabet = "ab \t\n\u000B\f\r\u2003\u00A0…";
        for (int n = 0; n < 2_000; n++) {
            StringBuilder message = new StringBuilder();
            int length = random.nextInt(150);
            for (int i = 0; i < length; i++) {
                message.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String oneLine = message.toString().strip().replaceAll("\\s+", " ");
            String expected = oneLine.length() <= Conversation.TITLE_LENGTH
                    ? oneLine
                    : oneLine.substring(0, Conversation.TITLE_LENGTH - 1) + "…";

            assertThat(Conversation.title(message.toString()))
                    .as("title of %s", message)
                    .isEqualTo(expected);
        }
    }
}
