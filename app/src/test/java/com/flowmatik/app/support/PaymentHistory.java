package com.flowmatik.app.support;

import static com.flowmatik.app.support.StripeCustomer.newEventId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

/**
 * A user's paid Stripe history through the webhook, as Stripe sends it: the checkout, the starter
 * subscription it created, its paid invoice and the card attached. Every payment read model gets
 * rows from it.
 */
public final class PaymentHistory {

    private PaymentHistory() {}

    public static void stripeStarter(Api api, Instant now, String userId) {
        StripeCustomer stripe = StripeCustomer.of(userId);
        deliver(api, now, stripe.checkoutCompleted(newEventId(), now));
        deliver(api, now, stripe.subscriptionCreated(newEventId(), now, TestSecrets.STRIPE_PRICE_STARTER));
        deliver(api, now, stripe.invoice(newEventId(), "invoice.paid", now, 1900));
        deliver(api, now, stripe.paymentMethodAttached(newEventId(), now, "visa", "4242"));
    }

    private static void deliver(Api api, Instant now, String body) {
        Api.Response response = ProviderEvents.deliverToStripeWebhook(api, body, now);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
