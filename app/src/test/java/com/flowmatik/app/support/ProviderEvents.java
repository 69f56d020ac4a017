package com.flowmatik.app.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook deliveries as Stripe and LemonSqueezy send them: bodies in their wire format (trimmed to
 * the fields the platform reads, and a few it does not) and signatures made the way each provider
 * documents them, computed here independently of the code under test.
 */
public final class ProviderEvents {

    private ProviderEvents() {}

    /** Delivers a Stripe event to the platform, signed now with the test secret. */
    public static Api.Response deliverToStripeWebhook(Api api, String body, Instant now) {
        return deliverToStripeWebhook(api, body, stripeSignature(body, now, TestSecrets.STRIPE_WEBHOOK_SECRET));
    }

    public static Api.Response deliverToStripeWebhook(Api api, String body, String signature) {
        return api.send(api.request("/api/webhooks/stripe", null)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Stripe-Signature", signature)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Delivers a LemonSqueezy event to the platform, signed with the test secret. */
    public static Api.Response deliverToLemonSqueezyWebhook(Api api, String body) {
        return deliverToLemonSqueezyWebhook(
                api, body, lemonSqueezySignature(body, TestSecrets.LEMONSQUEEZY_WEBHOOK_SECRET));
    }

    public static Api.Response deliverToLemonSqueezyWebhook(Api api, String body, String signature) {
        String eventName = body.substring(body.indexOf("\"event_name\": \"") + 15);
        return api.send(api.request("/api/webhooks/lemonsqueezy", null)
                .header("Content-Type", "application/json")
                .header("X-Event-Name", eventName.substring(0, eventName.indexOf('"')))
                .header("X-Signature", signature)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Stripe's {@code Stripe-Signature}: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}. */
    public static String stripeSignature(String body, Instant signedAt, String secret) {
        long t = signedAt.getEpochSecond();
        return "t=" + t + ",v1=" + hmacHex(secret, (t + "." + body).getBytes(StandardCharsets.UTF_8));
    }

    /** LemonSqueezy's {@code X-Signature}: the hex HMAC-SHA256 of the raw body. */
    public static String lemonSqueezySignature(String body, String secret) {
        return hmacHex(secret, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code customer.subscription.*} event of the current API version (period end on the item). */
    public static String stripeSubscription(
            String eventId,
            String type,
            Instant created,
            String userId,
            String subscriptionId,
            String customerId,
            String priceId,
            String status,
            Instant periodEnd,
            boolean cancelAtPeriodEnd) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "api_version": "2025-09-30.clover",
                  "created": %d,
                  "livemode": false,
                  "type": "%s",
                  "data": {
                    "object": {
                      "id": "%s",
                      "object": "subscription",
                      "customer": "%s",
                      "status": "%s",
                      "cancel_at_period_end": %s,
                      "metadata": {"user_id": "%s"},
                      "items": {
                        "object": "list",
                        "data": [{
                          "id": "si_%s",
                          "object": "subscription_item",
                          "quantity": 1,
                          "current_period_start": %d,
                          "current_period_end": %d,
                          "price": {"id": "%s", "object": "price", "currency": "usd", "unit_amount": 1900}
                        }]
                      }
                    }
                  }
                }
                """.formatted(
                        eventId,
                        created.getEpochSecond(),
                        type,
                        subscriptionId,
                        customerId,
                        status,
                        cancelAtPeriodEnd,
                        userId,
                        subscriptionId,
                        periodEnd.minusSeconds(2_592_000).getEpochSecond(),
                        periodEnd.getEpochSecond(),
                        priceId);
    }

    /** A {@code checkout.session.completed} event: the session names the customer and our user. */
    public static String stripeCheckoutCompleted(
            String eventId, Instant created, String userId, String customerId, String subscriptionId) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "created": %d,
                  "type": "checkout.session.completed",
                  "data": {
                    "object": {
                      "id": "cs_test_%s",
                      "object": "checkout.session",
                      "mode": "subscription",
                      "client_reference_id": "%s",
                      "customer": "%s",
                      "subscription": "%s",
                      "metadata": {"user_id": "%s"},
                      "payment_status": "paid"
                    }
                  }
                }
                """.formatted(eventId, created.getEpochSecond(), eventId, userId, customerId, subscriptionId, userId);
    }

    /** An {@code invoice.paid} or {@code invoice.payment_failed} event; it names the customer only. */
    public static String stripeInvoice(
            String eventId,
            String type,
            Instant created,
            String invoiceId,
            String number,
            String customerId,
            String subscriptionId,
            long totalCents,
            int attemptCount) {
        String paidAt = type.equals("invoice.paid") ? Long.toString(created.getEpochSecond()) : "null";
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "created": %d,
                  "type": "%s",
                  "data": {
                    "object": {
                      "id": "%s",
                      "object": "invoice",
                      "number": "%s",
                      "customer": "%s",
                      "currency": "usd",
                      "total": %d,
                      "attempt_count": %d,
                      "created": %d,
                      "status_transitions": {"paid_at": %s},
                      "parent": {
                        "type": "subscription_details",
                        "subscription_details": {"subscription": "%s", "metadata": {}}
                      },
                      "lines": {
                        "object": "list",
                        "data": [{"id": "il_1", "description": "1 × Pro (at $39.00 / month)", "quantity": 1, "amount": %d}]
                      }
                    }
                  }
                }
                """.formatted(
                        eventId,
                        created.getEpochSecond(),
                        type,
                        invoiceId,
                        number,
                        customerId,
                        totalCents,
                        attemptCount,
                        created.getEpochSecond(),
                        paidAt,
                        subscriptionId,
                        totalCents);
    }

    /** A {@code payment_method.attached} event. */
    public static String stripePaymentMethodAttached(
            String eventId, Instant created, String paymentMethodId, String customerId, String brand, String last4) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "created": %d,
                  "type": "payment_method.attached",
                  "data": {
                    "object": {
                      "id": "%s",
                      "object": "payment_method",
                      "type": "card",
                      "customer": "%s",
                      "card": {"brand": "%s", "last4": "%s", "exp_month": 12, "exp_year": 2030}
                    }
                  }
                }
                """.formatted(eventId, created.getEpochSecond(), paymentMethodId, customerId, brand, last4);
    }

    /** A Stripe event of a type the platform does not act on. */
    public static String stripeOther(String eventId, String type, Instant created) {
        return """
                {"id": "%s", "object": "event", "created": %d, "type": "%s", "data": {"object": {"id": "ch_1", "object": "charge"}}}
                """.formatted(eventId, created.getEpochSecond(), type);
    }

    /** A LemonSqueezy {@code subscription_*} event. */
    public static String lemonSubscription(
            String eventName,
            String userId,
            String subscriptionId,
            String customerId,
            String variantId,
            String status,
            boolean cancelled,
            Instant renewsAt,
            Instant endsAt,
            Instant updatedAt) {
        return """
                {
                  "meta": {"event_name": "%s", "custom_data": {"user_id": "%s"}},
                  "data": {
                    "type": "subscriptions",
                    "id": "%s",
                    "attributes": {
                      "store_id": 4242,
                      "customer_id": %s,
                      "order_id": 5001,
                      "product_id": 300,
                      "variant_id": %s,
                      "product_name": "Flowmatik",
                      "user_email": "someone@example.test",
                      "status": "%s",
                      "cancelled": %s,
                      "card_brand": "visa",
                      "card_last_four": "4242",
                      "renews_at": "%s",
                      "ends_at": %s,
                      "created_at": "2026-01-01T00:00:00.000000Z",
                      "updated_at": "%s"
                    }
                  }
                }
                """.formatted(
                        eventName,
                        userId,
                        subscriptionId,
                        customerId,
                        variantId,
                        status,
                        cancelled,
                        renewsAt,
                        endsAt == null ? "null" : "\"" + endsAt + "\"",
                        updatedAt);
    }

    /** A LemonSqueezy {@code subscription_payment_success} or {@code _failed} event (a subscription invoice). */
    public static String lemonPayment(
            String eventName,
            String userId,
            String invoiceId,
            String subscriptionId,
            String customerId,
            long totalCents,
            Instant at) {
        return """
                {
                  "meta": {"event_name": "%s", "custom_data": {"user_id": "%s"}},
                  "data": {
                    "type": "subscription-invoices",
                    "id": "%s",
                    "attributes": {
                      "store_id": 4242,
                      "subscription_id": %s,
                      "customer_id": %s,
                      "billing_reason": "initial",
                      "currency": "USD",
                      "status": "%s",
                      "total": %d,
                      "subtotal": %d,
                      "tax": 0,
                      "created_at": "%s",
                      "updated_at": "%s"
                    }
                  }
                }
                """.formatted(
                        eventName,
                        userId,
                        invoiceId,
                        subscriptionId,
                        customerId,
                        eventName.endsWith("success") ? "paid" : "failed",
                        totalCents,
                        totalCents,
                        at,
                        at);
    }

    private static String hmacHex(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
