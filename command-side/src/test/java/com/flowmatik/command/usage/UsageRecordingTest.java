package com.flowmatik.command.usage;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.usage.AiRequestStarted;
import com.flowmatik.api.usage.DailyQuotaExceeded;
import com.flowmatik.api.usage.QuotaDecision;
import com.flowmatik.api.usage.QuotaLimit;
import com.flowmatik.api.usage.RecordUsage;
import com.flowmatik.api.usage.RecordedUsage;
import com.flowmatik.api.usage.RequestKind;
import com.flowmatik.api.usage.StartAiRequest;
import com.flowmatik.api.usage.TokensCharged;
import com.flowmatik.api.usage.UsageRecorded;
import com.flowmatik.api.usage.UsageToRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Usage that happened elsewhere: recorded whatever the limits, and counted against them like the platform's own. */
class UsageRecordingTest {

    private static final UserId ADA = UserId.of("0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d");
    private static final Instant MORNING = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant YESTERDAY = Instant.parse("2026-02-28T21:00:00Z");
    private static final Instant MIDNIGHT = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant ARRIVED = MORNING.plusSeconds(600);
    private static final String MODEL = "deepseek-ai/DeepSeek-V3";

    private AggregateTestFixture<UsageAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UsageAccount.class);
    }

    @Test
    void aBatchIsRecordedAsOneEventWithTheCostItCameWith() {
        fixture.givenNoPriorActivity()
                .when(record(item("e1", 10, 5, MORNING), item("e2", 7, 0, MORNING)))
                .expectResultMessagePayload(
                        List.of(recorded("e1", 10, 5, MORNING, false), recorded("e2", 7, 0, MORNING, false)))
                .expectEvents(new UsageRecorded(
                        ADA,
                        List.of(recorded("e1", 10, 5, MORNING, false), recorded("e2", 7, 0, MORNING, false)),
                        ARRIVED));
    }

    @Test
    void usageOverTheDailyRequestLimitIsRecordedAndMarkedOverQuota() {
        fixture.given(startedRequests(99, MORNING))
                .when(record(item("e1", 1, 1, MORNING), item("e2", 1, 1, MORNING), item("e3", 1, 1, MORNING)))
                .expectEvents(new UsageRecorded(
                        ADA,
                        List.of(
                                recorded("e1", 1, 1, MORNING, false),
                                recorded("e2", 1, 1, MORNING, true),
                                recorded("e3", 1, 1, MORNING, true)),
                        ARRIVED));
    }

    @Test
    void usageAfterTheDaysTokensAreUsedUpIsMarkedOverQuota() {
        fixture.given(started("r1", MORNING), new TokensCharged(ADA, "r1", MODEL, 30_000, 20_000, 0, false, MORNING))
                .when(record(item("e1", 1, 1, MORNING)))
                .expectEvents(new UsageRecorded(ADA, List.of(recorded("e1", 1, 1, MORNING, true)), ARRIVED));
    }

    @Test
    void recordedUsageCountsSoThePlatformsNextRequestIsRefused() {
        List<Object> history = startedRequests(99, MORNING);
        history.add(new UsageRecorded(ADA, List.of(recorded("e1", 1, 1, MORNING, false)), ARRIVED));
        fixture.given(history)
                .when(new StartAiRequest(ADA, "r100", null, RequestKind.CHAT, MODEL, ARRIVED))
                .expectResultMessagePayload(QuotaDecision.refuse(QuotaLimit.REQUESTS, 100, 100, MIDNIGHT))
                .expectEvents(
                        new DailyQuotaExceeded(ADA, "r100", MODEL, QuotaLimit.REQUESTS, 100, 100, ARRIVED, MIDNIGHT));
    }

    @Test
    void usageOfAnEarlierDayIsRecordedButLeavesTodaysCountAlone() {
        List<Object> history = startedRequests(99, MORNING);
        history.add(new UsageRecorded(ADA, List.of(recorded("e1", 1, 1, YESTERDAY, false)), ARRIVED));
        fixture.given(history)
                .when(new StartAiRequest(ADA, "r99", null, RequestKind.CHAT, MODEL, ARRIVED))
                .expectResultMessagePayload(QuotaDecision.allow())
                .expectEvents(started("r99", ARRIVED));
    }

    @Test
    void aNewDaysUsageStartsTheCountAfresh() {
        fixture.given(startedRequests(100, MORNING))
                .when(record(item("e1", 1, 1, MIDNIGHT)))
                .expectEvents(new UsageRecorded(ADA, List.of(recorded("e1", 1, 1, MIDNIGHT, false)), ARRIVED));
    }

    @Test
    void aBatchWithNothingToRecordIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordUsage(ADA, List.of(), ARRIVED))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    private static RecordUsage record(UsageToRecord... items) {
        return new RecordUsage(ADA, List.of(items), ARRIVED);
    }

    private static UsageToRecord item(String eventId, long prompt, long completion, Instant at) {
        return new UsageToRecord(
                eventId, "hash-" + eventId, "req-" + eventId, MODEL, prompt, completion, prompt + completion, at);
    }

    private static RecordedUsage recorded(String eventId, long prompt, long completion, Instant at, boolean overQuota) {
        return new RecordedUsage(
                eventId,
                "hash-" + eventId,
                "req-" + eventId,
                MODEL,
                prompt,
                completion,
                prompt + completion,
                at,
                overQuota);
    }

    private static AiRequestStarted started(String requestId, Instant at) {
        return new AiRequestStarted(ADA, requestId, null, RequestKind.CHAT, MODEL, at);
    }

    private static List<Object> startedRequests(int count, Instant at) {
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(started("earlier-" + i, at));
        }
        return events;
    }
}
