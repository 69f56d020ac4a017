package com.flowmatik.command.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.plan.DailyLimits;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.usage.AiRequestCompleted;
import com.flowmatik.api.usage.AiRequestFailed;
import com.flowmatik.api.usage.AiRequestNotServed;
import com.flowmatik.api.usage.AiRequestStarted;
import com.flowmatik.api.usage.ChangeDailyLimits;
import com.flowmatik.api.usage.CompleteAiRequest;
import com.flowmatik.api.usage.DailyLimitsChanged;
import com.flowmatik.api.usage.DailyQuotaExceeded;
import com.flowmatik.api.usage.FailAiRequest;
import com.flowmatik.api.usage.QuotaDecision;
import com.flowmatik.api.usage.QuotaLimit;
import com.flowmatik.api.usage.RequestKind;
import com.flowmatik.api.usage.StartAiRequest;
import com.flowmatik.api.usage.TokensCharged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The daily limits of a plan, as the usage account enforces them before any provider is called. */
class UsageAccountTest {

    private static final UserId ADA = UserId.of("0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d");
    private static final Instant MORNING = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant MIDNIGHT = Instant.parse("2026-03-02T00:00:00Z");
    private static final String MODEL = "deepseek-ai/DeepSeek-V3";

    private AggregateTestFixture<UsageAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UsageAccount.class);
    }

    @Test
    void aFirstRequestOpensTheAccountOnTheFreePlanAndCounts() {
        fixture.givenNoPriorActivity()
                .when(start("r1", MORNING))
                .expectResultMessagePayload(QuotaDecision.allow())
                .expectEvents(started("r1", MORNING));
    }

    @Test
    void theHundredthRequestOfAFreeDayStillPasses() {
        fixture.given(startedRequests(99, MORNING)).when(start("r99", MORNING)).expectEvents(started("r99", MORNING));
    }

    @Test
    void refusesTheRequestOverTheDailyLimitAndRecordsTheRefusal() {
        fixture.given(startedRequests(100, MORNING))
                .when(start("r100", MORNING.plusSeconds(60)))
                .expectResultMessagePayload(QuotaDecision.refuse(QuotaLimit.REQUESTS, 100, 100, MIDNIGHT))
                .expectEvents(new DailyQuotaExceeded(
                        ADA, "r100", MODEL, QuotaLimit.REQUESTS, 100, 100, MORNING.plusSeconds(60), MIDNIGHT));
    }

    @Test
    void theLimitsResetAtUtcMidnight() {
        fixture.given(startedRequests(100, MORNING))
                .when(start("next-day", MIDNIGHT))
                .expectResultMessagePayload(QuotaDecision.allow())
                .expectEvents(started("next-day", MIDNIGHT));
    }

    @Test
    void refusesOnceTheDaysTokensAreUsedUp() {
        fixture.given(started("r1", MORNING), charged("r1", 30_000, 20_000, MORNING))
                .when(start("r2", MORNING.plusSeconds(5)))
                .expectResultMessagePayload(QuotaDecision.refuse(QuotaLimit.TOKENS, 50_000, 50_000, MIDNIGHT))
                .expectEvents(new DailyQuotaExceeded(
                        ADA, "r2", MODEL, QuotaLimit.TOKENS, 50_000, 50_000, MORNING.plusSeconds(5), MIDNIGHT));
    }

    @Test
    void aBusinessPlanIsUnlimited() {
        List<Object> history = new ArrayList<>();
        history.add(new DailyLimitsChanged(ADA, Plan.BUSINESS, DailyLimits.unlimited(), MORNING));
        history.addAll(startedRequests(10_000, MORNING));
        history.add(charged("r0", 9_000_000, 1_000_000, MORNING));
        fixture.given(history)
                .when(start("more", MORNING.plusSeconds(1)))
                .expectResultMessagePayload(QuotaDecision.allow())
                .expectEvents(started("more", MORNING.plusSeconds(1)));
    }

    @Test
    void anUpgradeRaisesTheLimitsForTheNextRequest() {
        List<Object> history = new ArrayList<>(startedRequests(100, MORNING));
        history.add(new DailyLimitsChanged(ADA, Plan.STARTER, Plan.STARTER.dailyLimits(), MORNING.plusSeconds(10)));
        fixture.given(history)
                .when(start("after-upgrade", MORNING.plusSeconds(20)))
                .expectEvents(started("after-upgrade", MORNING.plusSeconds(20)));
    }

    @Test
    void completingARequestRecordsTheProvidersNumbersAndTheCharge() {
        fixture.given(started("r1", MORNING))
                .when(new CompleteAiRequest(ADA, "r1", MODEL, 120, 80, 10, false, 456, MORNING.plusSeconds(2)))
                .expectEvents(
                        new AiRequestCompleted(ADA, "r1", MODEL, 120, 80, 10, false, MORNING.plusSeconds(2)),
                        new TokensCharged(ADA, "r1", MODEL, 120, 80, 456, false, MORNING.plusSeconds(2)));
    }

    @Test
    void aFailedRequestChargesOnlyWhatTheProviderReported() {
        fixture.given(started("r1", MORNING))
                .when(new FailAiRequest(
                        ADA, "r1", MODEL, "provider-timeout", 0, 0, 0, true, MORNING, MORNING.plusSeconds(30)))
                .expectEvents(new AiRequestFailed(ADA, "r1", MODEL, "provider-timeout", MORNING.plusSeconds(30)));
    }

    @Test
    void aStreamCutShortChargesTheUsageReportedSoFar() {
        fixture.given(started("r1", MORNING))
                .when(new FailAiRequest(ADA, "r1", MODEL, "cancelled", 50, 7, 9, true, MORNING, MORNING.plusSeconds(3)))
                .expectEvents(
                        new AiRequestFailed(ADA, "r1", MODEL, "cancelled", MORNING.plusSeconds(3)),
                        new TokensCharged(ADA, "r1", MODEL, 50, 7, 9, false, MORNING.plusSeconds(3)));
    }

    @Test
    void aRequestTheProviderNeverServedGivesBackItsPlaceInTheDaysLimit() {
        fixture.given(startedRequests(100, MORNING))
                .andGivenCommands(new FailAiRequest(
                        ADA,
                        "earlier-99",
                        MODEL,
                        "provider-unavailable",
                        0,
                        0,
                        0,
                        false,
                        MORNING,
                        MORNING.plusSeconds(1)))
                .when(start("after-outage", MORNING.plusSeconds(2)))
                .expectResultMessagePayload(QuotaDecision.allow())
                .expectEvents(started("after-outage", MORNING.plusSeconds(2)));
    }

    @Test
    void aRequestNotServedIsRecordedAsSuchAfterItsFailure() {
        fixture.given(started("r1", MORNING))
                .when(new FailAiRequest(
                        ADA, "r1", MODEL, "provider-error 500", 0, 0, 0, false, MORNING, MORNING.plusSeconds(1)))
                .expectEvents(
                        new AiRequestFailed(ADA, "r1", MODEL, "provider-error 500", MORNING.plusSeconds(1)),
                        new AiRequestNotServed(ADA, "r1", MODEL, MORNING, MORNING.plusSeconds(1)));
    }

    @Test
    void aRequestNotServedYesterdayDoesNotChangeTodaysCount() {
        List<Object> history = new ArrayList<>(List.of(started("late", MORNING.minus(java.time.Duration.ofDays(1)))));
        history.addAll(startedRequests(100, MORNING));
        history.add(new AiRequestFailed(ADA, "late", MODEL, "provider-unavailable", MORNING.plusSeconds(1)));
        history.add(new AiRequestNotServed(
                ADA, "late", MODEL, MORNING.minus(java.time.Duration.ofDays(1)), MORNING.plusSeconds(1)));
        fixture.given(history)
                .when(start("over", MORNING.plusSeconds(2)))
                .expectResultMessagePayload(QuotaDecision.refuse(
                        com.flowmatik.api.usage.QuotaLimit.REQUESTS,
                        100L,
                        100L,
                        Instant.parse("2026-03-02T00:00:00Z")));
    }

    @Test
    void aRequestIsCompletedOnlyOnce() {
        fixture.given(started("r1", MORNING), new AiRequestCompleted(ADA, "r1", MODEL, 1, 1, 0, false, MORNING))
                .when(new CompleteAiRequest(ADA, "r1", MODEL, 1, 1, 0, false, 1, MORNING))
                .expectException(com.flowmatik.api.refusal.BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void thePlanOfAnAccountCanBeSetBeforeItsFirstRequest() {
        fixture.givenNoPriorActivity()
                .when(new ChangeDailyLimits(ADA, Plan.PRO, Plan.PRO.dailyLimits(), MORNING))
                .expectResultMessagePayload(true)
                .expectEvents(new DailyLimitsChanged(ADA, Plan.PRO, Plan.PRO.dailyLimits(), MORNING));
    }

    @Test
    void aSnapshotOfAUsageAccountLoadsBackWithEveryField() {
        UsageAccount account = new UsageAccount();
        account.on(new DailyLimitsChanged(ADA, Plan.PRO, Plan.PRO.dailyLimits(), MORNING));
        account.on(started("r1", MORNING));
        account.on(charged("r0", 10, 5, MORNING));
        Jackson3Serializer serializer = Jackson3Serializer.builder()
                .revisionResolver(new AnnotationRevisionResolver())
                .build();

        SerializedObject<byte[]> snapshot = serializer.serialize(account, byte[].class);
        UsageAccount loaded = serializer.deserialize(snapshot);

        assertThat(account).hasNoNullFieldsOrProperties();
        assertThat(loaded).usingRecursiveComparison().isEqualTo(account);
    }

    private static StartAiRequest start(String requestId, Instant at) {
        return new StartAiRequest(ADA, requestId, null, RequestKind.CHAT, MODEL, at);
    }

    private static AiRequestStarted started(String requestId, Instant at) {
        return new AiRequestStarted(ADA, requestId, null, RequestKind.CHAT, MODEL, at);
    }

    private static TokensCharged charged(String requestId, long prompt, long completion, Instant at) {
        return new TokensCharged(ADA, requestId, MODEL, prompt, completion, 0, false, at);
    }

    private static List<Object> startedRequests(int count, Instant at) {
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(started("earlier-" + i, at));
        }
        return events;
    }
}
