package com.flowmatik.command.payment;

import static com.flowmatik.command.Refusals.refusal;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.AbandonCheckout;
import com.flowmatik.api.payment.AttachPaymentMethod;
import com.flowmatik.api.payment.BeginCheckout;
import com.flowmatik.api.payment.CheckoutAbandoned;
import com.flowmatik.api.payment.CheckoutBegun;
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
import com.flowmatik.api.refusal.ErrorCode;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user's subscription as the providers' reports drive it, late, twice and out of order, and the
 * one checkout a user may have open at a provider.
 */
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
                .when(sync(soldAt(Plan.STARTER, soldAt), T1, true))
                .expectEvents(started(PaymentProvider.STRIPE, "sub_1", "cus_1", Plan.STARTER, soldAt, PERIOD_END, T1));
        Money proSoldAt = new Money(4500, "eur");
        fixture.given(started(Plan.STARTER, T1))
                .when(sync(soldAt(Plan.PRO, proSoldAt), T2, false))
                .expectEvents(new SubscriptionPlanChanged(ADA, Plan.STARTER, Plan.PRO, proSoldAt, T2));
    }

    @Test
    void refusesAReportWithoutThePlansPrice() {
        fixture.givenNoPriorActivity()
                .when(sync(soldAt(Plan.STARTER, null), T1, true))
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
        ProviderSubscription lemonSqueezy =
                active(PaymentProvider.LEMONSQUEEZY, "77", "9", Plan.BUSINESS, Money.usd(7900), NEXT_PERIOD_END);
        fixture.given(started(Plan.PRO, T1), new SubscriptionCanceled(ADA, Plan.PRO, "period ended", T2))
                .when(sync(lemonSqueezy, T3, true))
                .expectEvents(started(
                        PaymentProvider.LEMONSQUEEZY, "77", "9", Plan.BUSINESS, Money.usd(7900), NEXT_PERIOD_END, T3));
    }

    @Test
    void aReportOfAnotherSubscriptionWhileOneLivesIsNotFollowed() {
        fixture.given(started(Plan.PRO, T1))
                .when(sync(
                        active(PaymentProvider.STRIPE, "sub_other", "cus_1", Plan.STARTER, Money.usd(1900), PERIOD_END),
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
    void aCheckoutIsBegunBeforeAnyProviderIsAskedAndExpiresWithTheProvidersSession() {
        fixture.givenNoPriorActivity()
                .when(begin("attempt-1", T1))
                .expectResultMessagePayload(T1.plus(Subscription.CHECKOUT_LIFETIME))
                .expectEvents(begun("attempt-1", T1));
    }

    @Test
    void refusesACheckoutWhileASubscriptionIsLiveOrPastDue() {
        fixture.given(started(Plan.PRO, T1))
                .when(begin("attempt-1", T2))
                .expectException(refusal(ErrorCode.SUBSCRIPTION_ACTIVE))
                .expectNoEvents();

        fixture.given(started(Plan.PRO, T1), new SubscriptionPastDue(ADA, T2))
                .when(begin("attempt-1", T3))
                .expectException(refusal(ErrorCode.SUBSCRIPTION_ACTIVE))
                .expectNoEvents();
    }

    @Test
    void refusesASecondCheckoutWhileTheFirstIsPending() {
        Instant lastPendingMoment = T1.plus(Subscription.CHECKOUT_LIFETIME).minusMillis(1);
        fixture.given(begun("attempt-1", T1))
                .when(begin("attempt-2", lastPendingMoment))
                .expectException(refusal(ErrorCode.CHECKOUT_PENDING))
                .expectNoEvents();
    }

    @Test
    void anExpiredCheckoutHoldsNoOtherBack() {
        Instant expired = T1.plus(Subscription.CHECKOUT_LIFETIME);
        fixture.given(begun("attempt-1", T1))
                .when(begin("attempt-2", expired))
                .expectEvents(begun("attempt-2", expired));
    }

    @Test
    void anAbandonedCheckoutLetsTheUserTryAgainAtOnce() {
        CheckoutAbandoned abandoned = new CheckoutAbandoned(ADA, "attempt-1", "Stripe answered 500", T1);
        fixture.given(begun("attempt-1", T1))
                .when(new AbandonCheckout(ADA, "attempt-1", "Stripe answered 500", T1))
                .expectResultMessagePayload(true)
                .expectEvents(abandoned);

        fixture.given(begun("attempt-1", T1), abandoned)
                .when(begin("attempt-2", T2))
                .expectEvents(begun("attempt-2", T2));
    }

    @Test
    void onlyThePendingAttemptIsAbandoned() {
        fixture.given(
                        begun("attempt-1", T1),
                        new CheckoutAbandoned(ADA, "attempt-1", "Stripe answered 500", T1),
                        begun("attempt-2", T2))
                .when(new AbandonCheckout(ADA, "attempt-1", "Stripe answered 500", T2))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void theStartedSubscriptionEndsThePendingCheckout() {
        fixture.given(begun("attempt-1", T1), started(Plan.PRO, T2))
                .when(begin("attempt-2", T2))
                .expectException(refusal(ErrorCode.SUBSCRIPTION_ACTIVE));

        fixture.given(
                        begun("attempt-1", T1),
                        started(Plan.PRO, T2),
                        new SubscriptionCanceled(ADA, Plan.PRO, "canceled at stripe", T2))
                .when(begin("attempt-2", T2))
                .expectEvents(begun("attempt-2", T2));
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

    /** An active Stripe subscription reported at this price, or without one. */
    private static ProviderSubscription soldAt(Plan plan, Money price) {
        return active(PaymentProvider.STRIPE, "sub_1", "cus_1", plan, price, PERIOD_END);
    }

    private static ProviderSubscription active(
            PaymentProvider provider, String subscriptionId, String customerId, Plan plan, Money price, Instant end) {
        return new ProviderSubscription(
                provider, subscriptionId, customerId, plan, price, SubscriptionStatus.ACTIVE, end, false);
    }

    private static SyncSubscription sync(ProviderSubscription report, Instant at, boolean creation) {
        return new SyncSubscription(ADA, report, at, creation);
    }

    private static SubscriptionStarted started(Plan plan, Instant at) {
        return started(PaymentProvider.STRIPE, "sub_1", "cus_1", plan, priceOf(plan), PERIOD_END, at);
    }

    /** An active subscription's start, not canceling. */
    private static SubscriptionStarted started(
            PaymentProvider provider,
            String subscriptionId,
            String customerId,
            Plan plan,
            Money price,
            Instant periodEnd,
            Instant at) {
        return new SubscriptionStarted(
                ADA,
                provider,
                subscriptionId,
                customerId,
                plan,
                price,
                SubscriptionStatus.ACTIVE,
                periodEnd,
                false,
                at);
    }

    private static BeginCheckout begin(String attemptId, Instant at) {
        return new BeginCheckout(ADA, PaymentProvider.STRIPE, Plan.PRO, attemptId, at);
    }

    private static CheckoutBegun begun(String attemptId, Instant at) {
        return new CheckoutBegun(
                ADA, PaymentProvider.STRIPE, Plan.PRO, attemptId, at, at.plus(Subscription.CHECKOUT_LIFETIME));
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
