package com.flowmatik.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A user's paid Stripe history through the webhook, as Stripe sends it: the checkout, the starter
 * subscription it created, its paid invoice and the card attached. Every payment read model gets
 * rows from it.
 */
public final class PaymentHistory {

    private PaymentHistory() {}

    public static void stripeStarter(Api api, Instant now, String userId) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String customer = "cus_" + suffix;
        String subscription = "sub_" + suffix;
        deliver(api, now, ProviderEvents.stripeCheckoutCompleted(event(), now, userId, customer, subscription));
        deliver(
                api,
                now,
                ProviderEvents.stripeSubscription(
                        event(),
                        "customer.subscription.created",
                        now,
                        userId,
                        subscription,
                        customer,
                        TestSecrets.STRIPE_PRICE_STARTER,
                        "active",
                        now.plus(Duration.ofDays(30)),
                        false));
        deliver(
                api,
                now,
                ProviderEvents.stripeInvoice(
                        event(), "invoice.paid", now, "in_" + suffix, "R-" + suffix, customer, subscription, 1900, 1));
        deliver(
                api,
                now,
                ProviderEvents.stripePaymentMethodAttached(event(), now, "pm_" + suffix, customer, "visa", "4242"));
    }

    private static void deliver(Api api, Instant now, String body) {
        Api.Response response = ProviderEvents.deliverToStripeWebhook(api, body, now);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static String event() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }
}
