package com.flowmatik.command.payment.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.command.identity.Accounts;
import com.flowmatik.command.payment.plans.PaymentProperties;
import com.flowmatik.command.payment.plans.PlanCatalogue;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.util.JdkIdGenerator;

/**
 * A provider without its API key (LemonSqueezy: or without its store) takes no subscriptions: the
 * edge answers 503 naming it, before any user or provider is looked at; only a plan that is no paid
 * plan at all is refused before it (400), since no configuration would make it valid.
 */
class UnconfiguredProvidersTest {

    static final List<PaymentProperties.PlanOffer> PLANS = List.of(
            new PaymentProperties.PlanOffer("free", "Free", 0, "usd", List.of()),
            new PaymentProperties.PlanOffer("starter", "Starter", 1900, "usd", List.of()),
            new PaymentProperties.PlanOffer("pro", "Pro", 3900, "usd", List.of()),
            new PaymentProperties.PlanOffer("business", "Business", 7900, "usd", List.of()));

    @Test
    void stripeWithoutASecretKeyIsUnavailable() {
        StripeGateway stripe = new StripeGateway(properties(
                new PaymentProperties.Stripe(" ", null, null, null, Map.of("pro", "price_pro")),
                new PaymentProperties.LemonSqueezy(null, null, null, null, null)));

        assertThatThrownBy(stripe::requireConfigured)
                .isInstanceOfSatisfying(
                        PaymentProviderUnavailable.class,
                        unavailable -> assertThat(unavailable.provider()).isEqualTo(PaymentProvider.STRIPE))
                .hasMessageContaining("STRIPE_SECRET_KEY");
        assertThatThrownBy(() -> stripe.cancelAtPeriodEnd("sub_1", "key"))
                .isInstanceOf(PaymentProviderUnavailable.class);
    }

    @Test
    void lemonSqueezyWithoutAnApiKeyOrWithoutAStoreIsUnavailable() {
        PaymentProperties.Stripe noStripe = new PaymentProperties.Stripe(null, null, null, null, null);
        LemonSqueezyGateway noKey = new LemonSqueezyGateway(properties(
                noStripe, new PaymentProperties.LemonSqueezy(null, null, null, "4242", Map.of("pro", "102"))));
        LemonSqueezyGateway noStore = new LemonSqueezyGateway(
                properties(noStripe, new PaymentProperties.LemonSqueezy("key", null, null, "", Map.of("pro", "102"))));

        for (LemonSqueezyGateway gateway : List.of(noKey, noStore)) {
            assertThatThrownBy(gateway::requireConfigured)
                    .isInstanceOfSatisfying(
                            PaymentProviderUnavailable.class,
                            unavailable -> assertThat(unavailable.provider()).isEqualTo(PaymentProvider.LEMONSQUEEZY))
                    .hasMessageContaining("LEMONSQUEEZY_API_KEY");
            assertThatThrownBy(() -> gateway.cancel("1")).isInstanceOf(PaymentProviderUnavailable.class);
        }
    }

    @Test
    void subscribingThroughAnUnconfiguredProviderIsRefusedBeforeAnythingElse() {
        PaymentProperties unconfigured = properties(
                new PaymentProperties.Stripe(null, null, null, null, Map.of("pro", "price_pro")),
                new PaymentProperties.LemonSqueezy(null, null, null, null, Map.of("pro", "102")));
        CommandGateway commands = mock(CommandGateway.class);
        PaymentCustomers customers = mock(PaymentCustomers.class);
        Accounts accounts = mock(Accounts.class);
        Subscribing subscribing = new Subscribing(
                new PlanCatalogue(unconfigured),
                customers,
                new StripeGateway(unconfigured),
                new LemonSqueezyGateway(unconfigured),
                accounts,
                commands,
                Clock.systemUTC(),
                new JdkIdGenerator());
        UserId user = UserId.random();

        assertThatThrownBy(() -> subscribing.withStripe(user, "pro", null))
                .isInstanceOf(PaymentProviderUnavailable.class);
        assertThatThrownBy(() -> subscribing.withLemonSqueezy(user, "pro"))
                .isInstanceOf(PaymentProviderUnavailable.class);
        verifyNoInteractions(commands, customers, accounts);
    }

    @Test
    void anUnknownPlanIsRefusedBeforeTheProviderIsFoundUnconfigured() {
        PaymentProperties unconfigured = properties(
                new PaymentProperties.Stripe(null, null, null, null, Map.of()),
                new PaymentProperties.LemonSqueezy(null, null, null, null, Map.of()));
        Subscribing subscribing = new Subscribing(
                new PlanCatalogue(unconfigured),
                mock(PaymentCustomers.class),
                new StripeGateway(unconfigured),
                new LemonSqueezyGateway(unconfigured),
                mock(Accounts.class),
                mock(CommandGateway.class),
                Clock.systemUTC(),
                new JdkIdGenerator());
        UserId user = UserId.random();

        for (String plan : List.of("gold", "free")) {
            assertThatThrownBy(() -> subscribing.withStripe(user, plan, null))
                    .isInstanceOfSatisfying(
                            BusinessRuleViolation.class,
                            refused -> assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION));
            assertThatThrownBy(() -> subscribing.withLemonSqueezy(user, plan))
                    .isInstanceOfSatisfying(
                            BusinessRuleViolation.class,
                            refused -> assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION));
        }
    }

    private static PaymentProperties properties(
            PaymentProperties.Stripe stripe, PaymentProperties.LemonSqueezy lemonSqueezy) {
        return new PaymentProperties(PLANS, stripe, lemonSqueezy, null, null);
    }
}
