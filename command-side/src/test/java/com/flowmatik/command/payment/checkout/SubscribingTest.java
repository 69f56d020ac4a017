package com.flowmatik.command.payment.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.AbandonCheckout;
import com.flowmatik.api.payment.BeginCheckout;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.command.identity.Accounts;
import com.flowmatik.command.payment.plans.PaymentProperties;
import com.flowmatik.command.payment.plans.PlanCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.util.JdkIdGenerator;

/**
 * The {@code Subscription} aggregate holds the user's one checkout before a provider is asked: a
 * refused attempt asks no provider, the provider is told when the checkout expires, and an attempt
 * the provider opened no checkout for is abandoned, unless the provider may have opened one.
 */
class SubscribingTest {

    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    static final Instant EXPIRES_AT = NOW.plusSeconds(31 * 60);

    final PaymentProperties properties = new PaymentProperties(
            UnconfiguredProvidersTest.PLANS,
            new PaymentProperties.Stripe("sk_test", null, null, null, Map.of("pro", "price_pro")),
            new PaymentProperties.LemonSqueezy("key", null, null, "4242", Map.of("pro", "102")),
            null,
            null);
    final List<Object> sent = new ArrayList<>();
    final CommandGateway commands = mock(CommandGateway.class);
    final PaymentCustomers customers = mock(PaymentCustomers.class);
    final StripeGateway stripe = mock(StripeGateway.class);
    final LemonSqueezyGateway lemonSqueezy = mock(LemonSqueezyGateway.class);
    final Subscribing subscribing = new Subscribing(
            new PlanCatalogue(properties),
            customers,
            stripe,
            lemonSqueezy,
            mock(Accounts.class),
            commands,
            Clock.fixed(NOW, ZoneOffset.UTC),
            new JdkIdGenerator());
    final UserId user = UserId.random();

    @Test
    void aRefusedCheckoutAsksNoProvider() {
        when(commands.sendAndWait(any(BeginCheckout.class)))
                .thenThrow(new BusinessRuleViolation(ErrorCode.CHECKOUT_PENDING, "pending"));

        assertThatThrownBy(() -> subscribing.withStripe(user, "pro", null)).satisfies(this::refusedAsPending);
        assertThatThrownBy(() -> subscribing.withLemonSqueezy(user, "pro")).satisfies(this::refusedAsPending);

        verify(stripe).requireConfigured();
        verify(lemonSqueezy).requireConfigured();
        verifyNoMoreInteractions(stripe, lemonSqueezy, customers);
    }

    @Test
    void theCheckoutIsBegunForTheUsersPlanAtTheProviderAndTheProviderToldWhenItExpires() {
        recordCommands();
        when(customers.customerOf(PaymentProvider.STRIPE, user)).thenReturn(Optional.of("cus_1"));

        subscribing.withStripe(user, "pro", null);
        subscribing.withLemonSqueezy(user, "pro");

        assertThat(sent)
                .hasSize(2)
                .allSatisfy(command -> assertThat(command).isInstanceOfSatisfying(BeginCheckout.class, begin -> {
                    assertThat(begin.userId()).isEqualTo(user);
                    assertThat(begin.plan()).isEqualTo(Plan.PRO);
                    assertThat(begin.at()).isEqualTo(NOW);
                }));
        assertThat(((BeginCheckout) sent.get(0)).provider()).isEqualTo(PaymentProvider.STRIPE);
        assertThat(((BeginCheckout) sent.get(1)).provider()).isEqualTo(PaymentProvider.LEMONSQUEEZY);
        String attempt = ((BeginCheckout) sent.get(0)).attemptId();
        verify(stripe)
                .startCheckout(
                        eq("cus_1"),
                        eq("price_pro"),
                        any(),
                        eq(EXPIRES_AT),
                        eq("subscribe-" + user.value() + "-" + attempt + "-checkout"));
        verify(lemonSqueezy).startCheckout(eq("102"), any(), eq(EXPIRES_AT));
    }

    @Test
    void aCheckoutTheProviderRefusedIsAbandonedSoThatTheUserMayTryAgain() {
        recordCommands();
        when(customers.customerOf(PaymentProvider.STRIPE, user)).thenReturn(Optional.of("cus_1"));
        PaymentProviderFailed refused =
                new PaymentProviderFailed(PaymentProvider.STRIPE, "Stripe answered 500", 500, null);
        when(stripe.startCheckout(anyString(), anyString(), any(), any(), anyString()))
                .thenThrow(refused);

        assertThatThrownBy(() -> subscribing.withStripe(user, "pro", null)).isSameAs(refused);

        assertThat(sent).hasSize(2);
        BeginCheckout begun = (BeginCheckout) sent.get(0);
        assertThat(sent.get(1)).isEqualTo(new AbandonCheckout(user, begun.attemptId(), "Stripe answered 500", NOW));
    }

    @Test
    void aCheckoutTheProviderMayHaveOpenedStaysPendingUntilItExpires() {
        recordCommands();
        when(lemonSqueezy.startCheckout(anyString(), any(), any()))
                .thenThrow(new PaymentProviderFailed(
                        PaymentProvider.LEMONSQUEEZY, "LemonSqueezy did not answer in time", 0, null));

        assertThatThrownBy(() -> subscribing.withLemonSqueezy(user, "pro")).isInstanceOf(PaymentProviderFailed.class);

        assertThat(sent).singleElement().isInstanceOf(BeginCheckout.class);
    }

    @Test
    void refusesAPlanTheProviderDoesNotSellAsAFieldError() {
        assertThatThrownBy(() -> subscribing.withStripe(user, "starter", null))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(refusal.field()).isEqualTo("plan");
                    assertThat(refusal.getMessage()).isEqualTo("starter is not sold through stripe");
                });
        verifyNoInteractions(commands);
    }

    /** Every command is answered as the aggregate would: a begun checkout with its expiry, an abandon with true. */
    private void recordCommands() {
        when(commands.sendAndWait(any())).thenAnswer(call -> {
            Object command = call.getArgument(0);
            sent.add(command);
            return command instanceof BeginCheckout ? EXPIRES_AT : Boolean.TRUE;
        });
    }

    private void refusedAsPending(Throwable thrown) {
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        BusinessRuleViolation.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.CHECKOUT_PENDING));
    }
}
