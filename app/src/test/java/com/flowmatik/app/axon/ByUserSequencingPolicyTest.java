package com.flowmatik.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.SubscriptionIds;
import com.flowmatik.api.usage.AiRequestStarted;
import com.flowmatik.api.usage.RecordedUsage;
import com.flowmatik.api.usage.RequestKind;
import com.flowmatik.api.usage.UsageAccountIds;
import com.flowmatik.api.usage.UsageRecorded;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/** Ingested usage is sequenced with the rest of its user's events, so a projection counts them in order. */
class ByUserSequencingPolicyTest {

    private static final UserId ADA = UserId.of("0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d");
    private static final UserId BOB = UserId.of("2f0a6c1e-9a55-4f0e-8f3f-1b7a6b2d3c4e");
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    private final ByUserSequencingPolicy policy = new ByUserSequencingPolicy();

    @Test
    void usageRecordedIsSequencedByItsUserLikeTheUsersOwnRequests() {
        Object ingested = policy.getSequenceIdentifierFor(message(recorded(ADA)));
        Object started = policy.getSequenceIdentifierFor(
                message(new AiRequestStarted(ADA, "r1", null, RequestKind.CHAT, "offline", AT)));
        Object otherUser = policy.getSequenceIdentifierFor(message(recorded(BOB)));

        assertThat(ingested).isEqualTo(started).isEqualTo(ADA.toString());
        assertThat(otherUser).isNotEqualTo(ingested);
    }

    private static UsageRecorded recorded(UserId user) {
        return new UsageRecorded(
                user, List.of(new RecordedUsage("e1", "hash", "r2", "offline", 1, 1, 0, AT, false)), AT);
    }

    @Test
    void theEventsOfAUsersOwnAggregatesArePlacedWithoutReadingTheirPayload() {
        Object account = policy.getSequenceIdentifierFor(unreadable("UserAccount", ADA.value()));
        Object usage = policy.getSequenceIdentifierFor(unreadable("UsageAccount", UsageAccountIds.of(ADA)));
        Object subscription = policy.getSequenceIdentifierFor(unreadable("Subscription", SubscriptionIds.of(ADA)));
        Object conversation = policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>(
                "Conversation", "c-1", 0, new AiRequestStarted(ADA, "r1", "c-1", RequestKind.CHAT, "offline", AT)));

        assertThat(List.of(account, usage, subscription, conversation)).containsOnly(ADA.toString());
    }

    @Test
    void anEventOfAnAggregateOfNoUserFallsBackToItsAggregate() {
        Object webhook = policy.getSequenceIdentifierFor(
                new GenericDomainEventMessage<>("WebhookDelivery", "stripe:evt_1", 0, "no user here"));

        assertThat(webhook).isEqualTo("stripe:evt_1");
    }

    private static GenericDomainEventMessage<Object> message(Object payload) {
        UserId user = payload instanceof UsageRecorded recorded ? recorded.userId() : ADA;
        return new GenericDomainEventMessage<>("UsageAccount", UsageAccountIds.of(user), 0, payload);
    }

    /** A stored event whose payload must not be deserialized to place it. */
    private static GenericDomainEventMessage<Object> unreadable(String type, String aggregateId) {
        return new GenericDomainEventMessage<>(type, aggregateId, 0, "payload") {
            @Override
            public Object getPayload() {
                throw new AssertionError("the payload of " + type + " was read");
            }
        };
    }
}
