package com.flowmatik.command.payment;

import com.flowmatik.api.identity.ChangePlan;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.ExpireSubscription;
import com.flowmatik.api.payment.Money;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.payment.SubscriptionCanceled;
import com.flowmatik.api.payment.SubscriptionCancellationScheduled;
import com.flowmatik.api.payment.SubscriptionPlanChanged;
import com.flowmatik.api.payment.SubscriptionResumed;
import com.flowmatik.api.payment.SubscriptionStarted;
import com.flowmatik.api.payment.SubscriptionStatus;
import com.flowmatik.api.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a subscription does to the user's plan, and the deadline at the end of a canceled period. */
class SubscriptionSagaTest {

    private static final UserId ADA = UserId.of("0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d");
    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant CANCELED_AT = Instant.parse("2026-03-15T10:00:00Z");
    private static final Instant PERIOD_END = Instant.parse("2026-04-01T09:00:00Z");

    private SagaTestFixture<SubscriptionSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(SubscriptionSaga.class);
    }

    @Test
    void aStartedSubscriptionPutsTheUserOnThePlansLimitsAndMakesThemPremium() {
        fixture.givenCurrentTime(START)
                .whenPublishingA(started(Plan.PRO, false))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new ChangePlan(ADA, Plan.PRO, PaymentProvider.STRIPE, null, START))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aPlanChangeMovesTheLimits() {
        fixture.givenCurrentTime(START)
                .andThenAPublished(started(Plan.STARTER, false))
                .whenPublishingA(
                        new SubscriptionPlanChanged(ADA, Plan.STARTER, Plan.BUSINESS, Money.usd(7900), CANCELED_AT))
                .expectDispatchedCommands(
                        new ChangePlan(ADA, Plan.BUSINESS, PaymentProvider.STRIPE, null, CANCELED_AT));
    }

    @Test
    void aScheduledCancellationSetsADeadlineAtTheEndOfThePaidPeriodAndChangesNothingBefore() throws Exception {
        fixture.givenCurrentTime(START)
                .andThenAPublished(started(Plan.PRO, false))
                .andThenTimeElapses(Duration.ofDays(14))
                .whenPublishingA(new SubscriptionCancellationScheduled(ADA, PERIOD_END, CANCELED_AT))
                .expectScheduledDeadlineWithName(
                        Duration.between(START.plus(Duration.ofDays(14)), PERIOD_END), SubscriptionSaga.PERIOD_END)
                .expectNoDispatchedCommands();
    }

    @Test
    void whenThePaidPeriodIsOverTheSubscriptionIsExpired() {
        fixture.givenCurrentTime(START)
                .andThenAPublished(started(Plan.PRO, false))
                .andThenAPublished(new SubscriptionCancellationScheduled(ADA, PERIOD_END, CANCELED_AT))
                .whenTimeAdvancesTo(PERIOD_END)
                .expectDeadlinesMet(new SubscriptionSaga.PeriodEnd(ADA, PERIOD_END))
                .expectDispatchedCommands(new ExpireSubscription(ADA, PERIOD_END, PERIOD_END));
    }

    @Test
    void aSubscriptionStartedAlreadyCancelingHasItsDeadlineToo() {
        fixture.givenCurrentTime(START)
                .whenPublishingA(started(Plan.STARTER, true))
                .expectScheduledDeadlineWithName(Duration.between(START, PERIOD_END), SubscriptionSaga.PERIOD_END);
    }

    @Test
    void aWithdrawnCancellationRemovesTheDeadline() {
        fixture.givenCurrentTime(START)
                .andThenAPublished(started(Plan.PRO, false))
                .andThenAPublished(new SubscriptionCancellationScheduled(ADA, PERIOD_END, CANCELED_AT))
                .whenPublishingA(new SubscriptionResumed(ADA, CANCELED_AT.plusSeconds(60)))
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void theEndPutsTheUserBackOnTheFreePlanAndEndsTheSaga() {
        fixture.givenCurrentTime(START)
                .andThenAPublished(started(Plan.PRO, false))
                .andThenAPublished(new SubscriptionCancellationScheduled(ADA, PERIOD_END, CANCELED_AT))
                .whenPublishingA(new SubscriptionCanceled(ADA, Plan.PRO, "period ended", PERIOD_END))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectDispatchedCommands(new ChangePlan(ADA, Plan.FREE, PaymentProvider.STRIPE, null, PERIOD_END));
    }

    private static SubscriptionStarted started(Plan plan, boolean cancelAtPeriodEnd) {
        return new SubscriptionStarted(
                ADA,
                PaymentProvider.STRIPE,
                "sub_1",
                "cus_1",
                plan,
                Money.usd(1900),
                SubscriptionStatus.ACTIVE,
                PERIOD_END,
                cancelAtPeriodEnd,
                START);
    }
}
