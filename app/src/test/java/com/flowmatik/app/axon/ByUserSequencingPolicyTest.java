package com.flowmatik.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.usage.AiRequestStarted;
import com.flowmatik.api.usage.RecordedUsage;
import com.flowmatik.api.usage.RequestKind;
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

    private static GenericDomainEventMessage<Object> message(Object payload) {
        return new GenericDomainEventMessage<>("UsageAccount", "usage:any", 0, payload);
    }
}
