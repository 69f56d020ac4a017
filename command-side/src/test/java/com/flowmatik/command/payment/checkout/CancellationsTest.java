package com.flowmatik.command.payment.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.payment.ScheduleCancellation;
import com.flowmatik.api.payment.SubscriptionStatus;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.command.payment.LiveSubscription;
import com.flowmatik.command.payment.Subscriptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.util.JdkIdGenerator;

/**
 * Canceling: the provider first, at period end; the subscription is told only once the provider
 * has accepted. Nothing to cancel is a 409, and a provider that fails leaves everything as it was.
 */
class CancellationsTest {

    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    static final Instant PERIOD_END = Instant.parse("2026-02-01T00:00:00Z");

    final Subscriptions subscriptions = mock(Subscriptions.class);
    final StripeGateway stripe = mock(StripeGateway.class);
    final LemonSqueezyGateway lemonSqueezy = mock(LemonSqueezyGateway.class);
    final CommandGateway commands = mock(CommandGateway.class);
    final Cancellations cancellations = new Cancellations(
            subscriptions, stripe, lemonSqueezy, commands, Clock.fixed(NOW, ZoneOffset.UTC), new JdkIdGenerator());
    final UserId user = UserId.random();

    @Test
    void aStripeSubscriptionIsCanceledAtPeriodEndThenTheCancellationIsScheduled() {
        when(subscriptions.liveOf(user)).thenReturn(live(PaymentProvider.STRIPE, "sub_1"));

        SubscriptionAnswer answer = cancellations.cancel(user);

        InOrder order = inOrder(stripe, commands);
        order.verify(stripe).cancelAtPeriodEnd(eq("sub_1"), startsWith("cancel-" + user.value() + "-"));
        order.verify(commands).sendAndWait(new ScheduleCancellation(user, NOW));
        assertThat(answer).isEqualTo(new SubscriptionAnswer("pro", "active", "stripe", PERIOD_END, true));
        verifyNoInteractions(lemonSqueezy);
    }

    @Test
    void aLemonSqueezySubscriptionIsCanceledThenTheCancellationIsScheduled() {
        when(subscriptions.liveOf(user)).thenReturn(live(PaymentProvider.LEMONSQUEEZY, "987"));

        SubscriptionAnswer answer = cancellations.cancel(user);

        InOrder order = inOrder(lemonSqueezy, commands);
        order.verify(lemonSqueezy).cancel("987");
        order.verify(commands).sendAndWait(new ScheduleCancellation(user, NOW));
        assertThat(answer.provider()).isEqualTo("lemonsqueezy");
        assertThat(answer.cancelAtPeriodEnd()).isTrue();
    }

    @Test
    void aUserOnTheFreePlanHasNothingToCancel() {
        when(subscriptions.liveOf(user)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> cancellations.cancel(user))
                .isInstanceOfSatisfying(
                        BusinessRuleViolation.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.NO_ACTIVE_SUBSCRIPTION));
        verifyNoInteractions(stripe, lemonSqueezy, commands);
    }

    @Test
    void whenTheProviderFailsNothingIsScheduled() {
        when(subscriptions.liveOf(user)).thenReturn(live(PaymentProvider.STRIPE, "sub_1"));
        doThrow(new PaymentProviderFailed(PaymentProvider.STRIPE, "Stripe answered 500", 500, null))
                .when(stripe)
                .cancelAtPeriodEnd(any(), any());

        assertThatThrownBy(() -> cancellations.cancel(user)).isInstanceOf(PaymentProviderFailed.class);
        verifyNoInteractions(commands);
    }

    private static Optional<LiveSubscription> live(PaymentProvider provider, String subscriptionId) {
        return Optional.of(
                new LiveSubscription(provider, subscriptionId, Plan.PRO, SubscriptionStatus.ACTIVE, PERIOD_END, false));
    }
}
