package com.flowmatik.command.payment;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.AttachPaymentMethod;
import com.flowmatik.api.payment.DetachPaymentMethod;
import com.flowmatik.api.payment.ExpireSubscription;
import com.flowmatik.api.payment.Invoice;
import com.flowmatik.api.payment.InvoiceIssued;
import com.flowmatik.api.payment.InvoiceLine;
import com.flowmatik.api.payment.Money;
import com.flowmatik.api.payment.PaymentFailed;
import com.flowmatik.api.payment.PaymentMethod;
import com.flowmatik.api.payment.PaymentMethodAttached;
import com.flowmatik.api.payment.PaymentMethodDetached;
import com.flowmatik.api.payment.PaymentOutcome;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.payment.PaymentSucceeded;
import com.flowmatik.api.payment.ProviderSubscription;
import com.flowmatik.api.payment.RecordPayment;
import com.flowmatik.api.payment.ScheduleCancellation;
import com.flowmatik.api.payment.SubscriptionCanceled;
import com.flowmatik.api.payment.SubscriptionCancellationScheduled;
import com.flowmatik.api.payment.SubscriptionPastDue;
import com.flowmatik.api.payment.SubscriptionPlanChanged;
import com.flowmatik.api.payment.SubscriptionReactivated;
import com.flowmatik.api.payment.SubscriptionRenewed;
import com.flowmatik.api.payment.SubscriptionResumed;
import com.flowmatik.api.payment.SubscriptionStarted;
import com.flowmatik.api.payment.SubscriptionStateConfirmed;
import com.flowmatik.api.payment.SubscriptionStatus;
import com.flowmatik.api.payment.SyncSubscription;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user's subscription as the providers' reports drive it, late, twice and out of order. */
class SubscriptionTest {

    private static final UserId ADA = UserId.of("0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d");
    private static final Instant T1 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-01T09:00:05Z");
    private static final Instant T3 = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant PERIOD_END = Instant.parse("2026-04-01T09:00:00Z");
    private static final Instant NEXT_PERIOD_END = Instant.parse("2026-05-01T09:00:00Z");

    private AggregateTestFixture<Subscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Subscription.class);
    }

    @Test
    void aFirstReportOfAnActiveSubscriptionStartsIt() {
        fixture.givenNoPriorActivity()
                .when(sync(report(Plan.STARTER, SubscriptionStatus.ACTIVE, PERIOD_END, false), T1, true))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(true)
                .expectEvents(started(Plan.STARTER, T1));
    }

    @Test
    void anUpdateThatArrivesBeforeTheCreationStartsTheSubscriptionAndTheLateCreationChangesNothing() {
        fixture.given(started(Plan.PRO, T2))
                .when(sync(report(Plan.STARTER, SubscriptionStatus.ACTIVE, PERIOD_END, false), T1, true))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aCreationReportFromTheSameSecondAsAnAppliedUpdateIsStale() {
        fixture.given(started(Plan.PRO, T1))
                .when(sync(report(Plan.STARTER, SubscriptionStatus.ACTIVE, PERIOD_END, false), T1, true))
                .expectNoEvents();
    }

    @Test
    void aNewerReportChangesOnlyWhatDiffers() {
        fixture.given(started(Plan.STARTER, T1))
                .when(sync(report(Plan.PRO, SubscriptionStatus.ACTIVE, NEXT_PERIOD_END, true), T3, false))
                .expectResultMessagePayload(true)
                .expectEvents(
                        new SubscriptionPlanChanged(ADA, Plan.STARTER, Plan.PRO, priceOf(Plan.PRO), T3),
                        new SubscriptionRenewed(ADA, PERIOD_END, NEXT_PERIOD_END, T3),
                        new SubscriptionCancellationScheduled(ADA, NEXT_PERIOD_END, T3));
    }

    @Test
    void aStartAndAPlanChangeRecordThePriceTheyWereSoldAtWhateverThePlanCostsLater() {
        Money soldAt = new Money(2500, "eur");
        fixture.givenNoPriorActivity()
                .when(sync(
                        new ProviderSubscription(
                                PaymentProvider.STRIPE,
                                "sub_1",
                                "cus_1",
                                Plan.STARTER,
                                soldAt,
                                SubscriptionStatus.ACTIVE,
                                PERIOD_END,
                                false),
                        T1,
                        true))
                .expectEvents(new SubscriptionStarted(
                        ADA,
                        PaymentProvider.STRIPE,
                        "sub_1",
                        "cus_1",
                        Plan.STARTER,
                        soldAt,
                        SubscriptionStatus.ACTIVE,
                        PERIOD_END,
                        false,
                        T1));
        Money proSoldAt = new Money(4500, "eur");
        fixture.given(started(Plan.STARTER, T1))
                .when(sync(
                        new ProviderSubscription(
                                PaymentProvider.STRIPE,
                                "sub_1",
                                "cus_1",
                                Plan.PRO,
                                proSoldAt,
                                SubscriptionStatus.ACTIVE,
                                PERIOD_END,
                                false),
                        T2,
                        false))
                .expectEvents(new SubscriptionPlanChanged(ADA, Plan.STARTER, Plan.PRO, proSoldAt, T2));
    }

    @Test
    void refusesAReportWithoutThePlansPrice() {
        fixture.givenNoPriorActivity()
                .when(sync(
                        new ProviderSubscription(
                                PaymentProvider.STRIPE,
                                "sub_1",
                                "cus_1",
                                Plan.STARTER,
                                null,
                                SubscriptionStatus.ACTIVE,
                                PERIOD_END,
                                false),
                        T1,
                        true))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aReportOfNothingNewIsRememberedSoThatAnOlderOneArrivingLaterIsStale() {
        fixture.given(started(Plan.STARTER, T1))
                .when(sync(report(Plan.STARTER, SubscriptionStatus.ACTIVE, PERIOD_END, false), T3, false))
                .expectResultMessagePayload(false)
                .expectEvents(new SubscriptionStateConfirmed(ADA, T3));

        fixture.given(started(Plan.STARTER, T1), new SubscriptionStateConfirmed(ADA, T3))
                .when(sync(report(Plan.STARTER, SubscriptionStatus.ACTIVE, PERIOD_END, true), T2, false))
                .expectNoEvents();
    }

    @Test
    void aFailedRenewalMakesItPastDueAndAPaymentActiveAgain() {
        fixture.given(started(Plan.STARTER, T1))
                .when(sync(report(Plan.STARTER, SubscriptionStatus.PAST_DUE, PERIOD_END, false), T2, false))
                .expectEvents(new SubscriptionPastDue(ADA, T2));

        fixture.given(started(Plan.STARTER, T1), new SubscriptionPastDue(ADA, T2))
                .when(sync(report(Plan.STARTER, SubscriptionStatus.ACTIVE, PERIOD_END, false), T3, false))
                .expectEvents(new SubscriptionReactivated(ADA, T3));
    }

    @Test
    void withdrawingACancellationResumesTheSubscription() {
        fixture.given(started(Plan.STARTER, T1), new SubscriptionCancellationScheduled(ADA, PERIOD_END, T2))
                .when(sync(report(Plan.STARTER, SubscriptionStatus.ACTIVE, PERIOD_END, false), T3, false))
                .expectEvents(new SubscriptionResumed(ADA, T3));
    }

    @Test
    void theProviderEndingTheSubscriptionCancelsItWithThePlanThatEnded() {
        fixture.given(started(Plan.PRO, T1))
                .when(sync(report(Plan.PRO, SubscriptionStatus.CANCELED, PERIOD_END, false), T3, false))
                .expectEvents(new SubscriptionCanceled(ADA, Plan.PRO, "canceled at stripe", T3));
    }

    @Test
    void anEndReportedBeforeTheStartKeepsTheLateStartFromReviving() {
        fixture.givenNoPriorActivity()
                .when(sync(report(Plan.PRO, SubscriptionStatus.CANCELED, PERIOD_END, false), T3, false))
                .expectResultMessagePayload(false)
                .expectEvents(new SubscriptionStateConfirmed(ADA, T3));

        fixture.given(new SubscriptionStateConfirmed(ADA, T3))
                .when(sync(report(Plan.PRO, SubscriptionStatus.ACTIVE, PERIOD_END, false), T1, true))
                .expectNoEvents();
    }

    @Test
    void aNewSubscriptionAfterAnEndedOneStartsAgain() {
        fixture.given(started(Plan.PRO, T1), new SubscriptionCanceled(ADA, Plan.PRO, "period ended", T2))
                .when(new SyncSubscription(
                        ADA,
                        new ProviderSubscription(
                                PaymentProvider.LEMONSQUEEZY,
                                "77",
                                "9",
                                Plan.BUSINESS,
                                Money.usd(7900),
                                SubscriptionStatus.ACTIVE,
                                NEXT_PERIOD_END,
                                false),
                        T3,
                        true))
                .expectEvents(new SubscriptionStarted(
                        ADA,
                        PaymentProvider.LEMONSQUEEZY,
                        "77",
                        "9",
                        Plan.BUSINESS,
                        Money.usd(7900),
                        SubscriptionStatus.ACTIVE,
                        NEXT_PERIOD_END,
                        false,
                        T3));
    }

    @Test
    void aReportOfAnotherSubscriptionWhileOneLivesIsNotFollowed() {
        fixture.given(started(Plan.PRO, T1))
                .when(new SyncSubscription(
                        ADA,
                        new ProviderSubscription(
                                PaymentProvider.STRIPE,
                                "sub_other",
                                "cus_1",
                                Plan.STARTER,
                                Money.usd(1900),
                                SubscriptionStatus.ACTIVE,
                                PERIOD_END,
                                false),
                        T3,
                        true))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void theUsersCancellationIsScheduledForTheEndOfThePeriodOnce() {
        fixture.given(started(Plan.PRO, T1))
                .when(new ScheduleCancellation(ADA, T2))
                .expectResultMessagePayload(true)
                .expectEvents(new SubscriptionCancellationScheduled(ADA, PERIOD_END, T2));

        fixture.given(started(Plan.PRO, T1), new SubscriptionCancellationScheduled(ADA, PERIOD_END, T2))
                .when(new ScheduleCancellation(ADA, T3))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void theEndOfAPaidPeriodEndsACancelingSubscription() {
        fixture.given(started(Plan.PRO, T1), new SubscriptionCancellationScheduled(ADA, PERIOD_END, T2))
                .when(new ExpireSubscription(ADA, PERIOD_END, PERIOD_END))
                .expectResultMessagePayload(true)
                .expectEvents(new SubscriptionCanceled(ADA, Plan.PRO, "period ended", PERIOD_END));
    }

    @Test
    void theEndOfAPeriodChangesNothingWhenTheCancellationWasWithdrawnOrTheProviderEndedItFirst() {
        fixture.given(
                        started(Plan.PRO, T1),
                        new SubscriptionCancellationScheduled(ADA, PERIOD_END, T2),
                        new SubscriptionResumed(ADA, T3))
                .when(new ExpireSubscription(ADA, PERIOD_END, PERIOD_END))
                .expectResultMessagePayload(false)
                .expectNoEvents();

        fixture.given(
                        started(Plan.PRO, T1),
                        new SubscriptionCancellationScheduled(ADA, PERIOD_END, T2),
                        new SubscriptionCanceled(ADA, Plan.PRO, "canceled at stripe", PERIOD_END))
                .when(new ExpireSubscription(ADA, PERIOD_END, PERIOD_END))
                .expectNoEvents();
    }

    @Test
    void aPaidInvoiceIsIssuedAndPaidOnceHoweverOftenItIsReported() {
        fixture.givenNoPriorActivity()
                .when(payment(PaymentOutcome.SUCCEEDED, null))
                .expectEvents(issued(), new PaymentSucceeded(ADA, PaymentProvider.STRIPE, "in_1", Money.usd(1900), T2));

        fixture.given(issued(), new PaymentSucceeded(ADA, PaymentProvider.STRIPE, "in_1", Money.usd(1900), T2))
                .when(payment(PaymentOutcome.SUCCEEDED, null))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aFailedPaymentThenASuccessfulRetryIsPaid() {
        fixture.givenNoPriorActivity()
                .when(payment(PaymentOutcome.FAILED, "card_declined"))
                .expectEvents(
                        issued(),
                        new PaymentFailed(ADA, PaymentProvider.STRIPE, "in_1", Money.usd(1900), "card_declined", T2));

        fixture.given(
                        issued(),
                        new PaymentFailed(ADA, PaymentProvider.STRIPE, "in_1", Money.usd(1900), "card_declined", T2))
                .when(payment(PaymentOutcome.SUCCEEDED, null))
                .expectEvents(new PaymentSucceeded(ADA, PaymentProvider.STRIPE, "in_1", Money.usd(1900), T2));
    }

    @Test
    void aPaymentMethodIsAttachedOnceAndDetachedOnce() {
        PaymentMethod visa = new PaymentMethod(PaymentProvider.STRIPE, "pm_1", "visa", "4242", 12, 2030);
        PaymentMethodAttached attached =
                new PaymentMethodAttached(ADA, PaymentProvider.STRIPE, "pm_1", "visa", "4242", 12, 2030, T1);
        fixture.givenNoPriorActivity()
                .when(new AttachPaymentMethod(ADA, visa, T1))
                .expectEvents(attached);
        fixture.given(attached)
                .when(new AttachPaymentMethod(ADA, visa, T2))
                .expectResultMessagePayload(false)
                .expectNoEvents();
        fixture.given(attached)
                .when(new DetachPaymentMethod(ADA, PaymentProvider.STRIPE, "pm_1", T2))
                .expectEvents(new PaymentMethodDetached(ADA, PaymentProvider.STRIPE, "pm_1", T2));
        fixture.given(attached, new PaymentMethodDetached(ADA, PaymentProvider.STRIPE, "pm_1", T2))
                .when(new DetachPaymentMethod(ADA, PaymentProvider.STRIPE, "pm_1", T3))
                .expectNoEvents();
    }

    private static ProviderSubscription report(
            Plan plan, SubscriptionStatus status, Instant periodEnd, boolean cancelAtPeriodEnd) {
        return new ProviderSubscription(
                PaymentProvider.STRIPE, "sub_1", "cus_1", plan, priceOf(plan), status, periodEnd, cancelAtPeriodEnd);
    }

    private static SyncSubscription sync(ProviderSubscription report, Instant at, boolean creation) {
        return new SyncSubscription(ADA, report, at, creation);
    }

    private static SubscriptionStarted started(Plan plan, Instant at) {
        return new SubscriptionStarted(
                ADA,
                PaymentProvider.STRIPE,
                "sub_1",
                "cus_1",
                plan,
                priceOf(plan),
                SubscriptionStatus.ACTIVE,
                PERIOD_END,
                false,
                at);
    }

    private static final Invoice INVOICE = new Invoice(
            PaymentProvider.STRIPE,
            "in_1",
            "F-0001",
            "sub_1",
            Money.usd(1900),
            List.of(new InvoiceLine("Starter", 1, Money.usd(1900))),
            T1);

    private static RecordPayment payment(PaymentOutcome outcome, String reason) {
        return new RecordPayment(ADA, INVOICE, outcome, reason, T2);
    }

    private static InvoiceIssued issued() {
        return new InvoiceIssued(
                ADA,
                PaymentProvider.STRIPE,
                "in_1",
                "F-0001",
                "sub_1",
                Money.usd(1900),
                List.of(new InvoiceLine("Starter", 1, Money.usd(1900))),
                T1);
    }

    /** The plans' prices in these tests; what matters is that the report's price is the one recorded. */
    private static Money priceOf(Plan plan) {
        return Money.usd(plan.ordinal() * 2000L);
    }
}
