package com.flowmatik.command.payment.checkout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.flowmatik.api.payment.PaymentProvider;

/**
 * What the client needs to finish paying: a hosted checkout page to send the user to, or (Stripe,
 * with a payment method given) the subscription and the secret that confirms its first payment in
 * the browser. Fields that do not apply are left out.
 *
 * @param provider {@code stripe} or {@code lemonsqueezy}
 * @param checkoutUrl the provider's checkout page
 * @param sessionId the Stripe Checkout Session
 * @param subscriptionId the Stripe subscription, incomplete until its first payment is confirmed
 * @param clientSecret confirms the first payment with Stripe.js; absent when nothing is due
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StartedCheckout(
        String provider, String checkoutUrl, String sessionId, String subscriptionId, String clientSecret) {

    static StartedCheckout stripeSession(String checkoutUrl, String sessionId) {
        return new StartedCheckout(PaymentProvider.STRIPE.wireName(), checkoutUrl, sessionId, null, null);
    }

    static StartedCheckout stripeSubscription(String subscriptionId, String clientSecret) {
        return new StartedCheckout(PaymentProvider.STRIPE.wireName(), null, null, subscriptionId, clientSecret);
    }

    static StartedCheckout lemonSqueezy(String checkoutUrl) {
        return new StartedCheckout(PaymentProvider.LEMONSQUEEZY.wireName(), checkoutUrl, null, null, null);
    }
}
