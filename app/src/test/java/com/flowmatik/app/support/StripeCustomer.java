package com.flowmatik.app.support;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A user as a customer of Stripe, with a subscription, invoice and card under ids of their own, and
 * the webhook bodies Stripe sends about them: {@link ProviderEvents}' bodies with these ids filled in.
 */
public record StripeCustomer(String userId, String suffix) {

    /** A customer of Stripe whose ids no other test uses. */
    public static StripeCustomer of(String userId) {
        return new StripeCustomer(userId, UUID.randomUUID().toString().substring(0, 8));
    }

    /** A Stripe event id no other delivery uses. */
    public static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    public String customer() {
        return "cus_" + suffix;
    }

    public String subscription() {
        return "sub_" + suffix;
    }

    public String invoiceId() {
        return "in_" + suffix;
    }

    public String invoiceNumber() {
        return "F-" + suffix;
    }

    public String paymentMethod() {
        return "pm_" + suffix;
    }

    /** The checkout that made this customer and subscription, for this user. */
    public String checkoutCompleted(String eventId, Instant at) {
        return ProviderEvents.stripeCheckoutCompleted(eventId, at, userId, customer(), subscription());
    }

    /** A {@code customer.subscription.*} event of this subscription. */
    public String subscriptionEvent(
            String eventId,
            String type,
            Instant at,
            String priceId,
            String status,
            Instant periodEnd,
            boolean cancelAtPeriodEnd) {
        return ProviderEvents.stripeSubscription(
                eventId, type, at, userId, subscription(), customer(), priceId, status, periodEnd, cancelAtPeriodEnd);
    }

    /** The subscription created, active on the price for thirty days from {@code at}. */
    public String subscriptionCreated(String eventId, Instant at, String priceId) {
        return subscriptionEvent(
                eventId, "customer.subscription.created", at, priceId, "active", at.plus(Duration.ofDays(30)), false);
    }

    /** An {@code invoice.*} event of the subscription's invoice, at its first attempt. */
    public String invoice(String eventId, String type, Instant at, long totalCents) {
        return ProviderEvents.stripeInvoice(
                eventId, type, at, invoiceId(), invoiceNumber(), customer(), subscription(), totalCents, 1);
    }

    /** A card attached to this customer. */
    public String paymentMethodAttached(String eventId, Instant at, String brand, String last4) {
        return ProviderEvents.stripePaymentMethodAttached(eventId, at, paymentMethod(), customer(), brand, last4);
    }
}
