package com.flowmatik.command.payment.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.payment.SubscriptionStatus;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.command.identity.Accounts;
import com.flowmatik.command.payment.LiveSubscription;
import com.flowmatik.command.payment.Subscriptions;
import com.flowmatik.command.payment.plans.PaymentProperties;
import com.flowmatik.command.payment.plans.PlanCatalogue;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.util.JdkIdGenerator;

/**
 * A user who pays for a plan that has not ended (active, or past due while the provider retries)
 * cannot open a second subscription: 409, and no provider is asked for anything.
 */
class SubscribingTest {

    final PaymentProperties properties = new PaymentProperties(
            UnconfiguredProvidersTest.PLANS,
            new PaymentProperties.Stripe("sk_test", null, null, null, Map.of("pro", "price_pro")),
            new PaymentProperties.LemonSqueezy("key", null, null, "4242", Map.of("pro", "102")),
            null,
            null);
    final Subscriptions subscriptions = mock(Subscriptions.class);
    final PaymentCustomers customers = mock(PaymentCustomers.class);
    final StripeGateway stripe = mock(StripeGateway.class);
    final LemonSqueezyGateway lemonSqueezy = mock(LemonSqueezyGateway.class);
    final Subscribing subscribing = new Subscribing(
            new PlanCatalogue(properties),
            subscriptions,
            customers,
            stripe,
            lemonSqueezy,
            mock(Accounts.class),
            new JdkIdGenerator());
    final UserId user = UserId.random();

    @Test
    void refusesASecondSubscriptionWhileOneIsActive() {
        when(subscriptions.liveOf(user)).thenReturn(live(SubscriptionStatus.ACTIVE));

        assertThatThrownBy(() -> subscribing.withStripe(user, "pro", null)).satisfies(refusedAsAlreadySubscribed());
        assertThatThrownBy(() -> subscribing.withLemonSqueezy(user, "pro")).satisfies(refusedAsAlreadySubscribed());

        verify(stripe).requireConfigured();
        verify(lemonSqueezy).requireConfigured();
        verifyNoMoreInteractions(stripe, lemonSqueezy, customers);
    }

    @Test
    void refusesASecondSubscriptionWhileOneIsPastDue() {
        when(subscriptions.liveOf(user)).thenReturn(live(SubscriptionStatus.PAST_DUE));

        assertThatThrownBy(() -> subscribing.withStripe(user, "pro", "pm_card_visa"))
                .satisfies(refusedAsAlreadySubscribed());
    }

    @Test
    void refusesAPlanTheProviderDoesNotSellAsAFieldError() {
        assertThatThrownBy(() -> subscribing.withStripe(user, "starter", null))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(refusal.field()).isEqualTo("plan");
                    assertThat(refusal.getMessage()).isEqualTo("starter is not sold through stripe");
                });
    }

    private static Optional<LiveSubscription> live(SubscriptionStatus status) {
        return Optional.of(new LiveSubscription(
                PaymentProvider.STRIPE, "sub_1", Plan.PRO, status, Instant.parse("2026-02-01T00:00:00Z"), false));
    }

    private static ThrowingConsumer<Throwable> refusedAsAlreadySubscribed() {
        return thrown -> assertThat(thrown)
                .isInstanceOfSatisfying(
                        BusinessRuleViolation.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.SUBSCRIPTION_ACTIVE));
    }
}
