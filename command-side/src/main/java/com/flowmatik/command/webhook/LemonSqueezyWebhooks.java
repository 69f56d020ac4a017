package com.flowmatik.command.webhook;

import static com.flowmatik.command.webhook.Json.firstText;
import static com.flowmatik.command.webhook.Json.isoInstant;
import static com.flowmatik.command.webhook.Json.text;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.Invoice;
import com.flowmatik.api.payment.InvoiceLine;
import com.flowmatik.api.payment.Money;
import com.flowmatik.api.payment.PaymentOutcome;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.payment.ProviderSubscription;
import com.flowmatik.api.payment.RecordPayment;
import com.flowmatik.api.payment.SubscriptionStatus;
import com.flowmatik.api.payment.SyncSubscription;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.webhook.WebhookDeliveryIds;
import com.flowmatik.command.payment.checkout.PaymentProviderUnavailable;
import com.flowmatik.command.payment.plans.PaymentProperties;
import com.flowmatik.command.payment.plans.PlanCatalogue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * LemonSqueezy's webhooks: {@code X-Signature} is the hex HMAC-SHA256 of the raw body under the
 * webhook's signing secret, compared in constant time. LemonSqueezy sends no event id, so a
 * delivery is keyed by the SHA-256 of its body: a redelivery carries the same body. The event name
 * is read from the signed body ({@code meta.event_name}); the {@code X-Event-Name} header is not
 * signed. A subscription LemonSqueezy calls {@code cancelled} is still paid for until its
 * {@code ends_at}: for the platform it is active and ends at the period end.
 */
@Component
class LemonSqueezyWebhooks implements ProviderWebhooks {

    static final String SIGNATURE_HEADER = "X-Signature";
    static final String EVENT_NAME_HEADER = "X-Event-Name";

    private final PaymentProperties.LemonSqueezy settings;
    private final PlanCatalogue plans;
    private final KnownUsers users;

    LemonSqueezyWebhooks(PaymentProperties properties, PlanCatalogue plans, KnownUsers users) {
        this.settings = properties.lemonsqueezy();
        this.plans = plans;
        this.users = users;
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.LEMONSQUEEZY;
    }

    @Override
    public VerifiedDelivery verify(byte[] body, HttpHeaders headers) {
        if (settings.webhookSecret() == null) {
            throw new PaymentProviderUnavailable(
                    PaymentProvider.LEMONSQUEEZY,
                    "LemonSqueezy webhooks are not configured (LEMONSQUEEZY_WEBHOOK_SECRET)",
                    null);
        }
        String signature = headers.getFirst(SIGNATURE_HEADER);
        if (signature == null || signature.isBlank()) {
            throw InvalidWebhook.because("The X-Signature header is missing");
        }
        byte[] expected = hmacSha256(settings.webhookSecret(), body);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.trim());
        } catch (IllegalArgumentException notHex) {
            throw InvalidWebhook.because("The X-Signature header is not a hex digest");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw InvalidWebhook.because("The LemonSqueezy signature does not verify");
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        String eventName = firstText(Json.parse(payload).path("meta").path("event_name"));
        if (eventName == null) {
            eventName = headers.getFirst(EVENT_NAME_HEADER);
        }
        if (eventName == null || eventName.isBlank()) {
            throw InvalidWebhook.payload("The body names no event (meta.event_name)");
        }
        return new VerifiedDelivery(
                WebhookDeliveryIds.of(PaymentProvider.LEMONSQUEEZY, sha256(body)), eventName, payload);
    }

    @Override
    public Translation translate(String eventType, String payload) {
        JsonNode event = Json.parse(payload);
        String metadataUser = text(event.path("meta").path("custom_data").path("user_id"));
        JsonNode attributes = event.path("data").path("attributes");
        String id = text(event.path("data").path("id"));
        return switch (eventType) {
            case "subscription_created" -> subscription(metadataUser, id, attributes, true);
            case "subscription_updated",
                    "subscription_cancelled",
                    "subscription_resumed",
                    "subscription_expired",
                    "subscription_paused",
                    "subscription_unpaused" -> subscription(metadataUser, id, attributes, false);
            case "subscription_payment_success", "subscription_payment_recovered" ->
                payment(metadataUser, id, attributes, PaymentOutcome.SUCCEEDED);
            case "subscription_payment_failed" -> payment(metadataUser, id, attributes, PaymentOutcome.FAILED);
            case "order_created" -> orderCreated(metadataUser, attributes);
            default -> Translation.ignored();
        };
    }

    private Translation subscription(String metadataUser, String id, JsonNode attributes, boolean creation) {
        String customer = text(attributes.path("customer_id"));
        UserId user = users.resolve(PaymentProvider.LEMONSQUEEZY, metadataUser, customer);
        users.link(PaymentProvider.LEMONSQUEEZY, customer, user);
        String lemonStatus = String.valueOf(text(attributes.path("status")));
        SubscriptionStatus status = switch (lemonStatus) {
            case "on_trial", "active", "cancelled" -> SubscriptionStatus.ACTIVE;
            case "past_due", "unpaid", "paused" -> SubscriptionStatus.PAST_DUE;
            case "expired" -> SubscriptionStatus.CANCELED;
            default -> throw new WebhookNotApplicable("unknown LemonSqueezy subscription status " + lemonStatus);
        };
        boolean canceling =
                "cancelled".equals(lemonStatus) || attributes.path("cancelled").asBoolean(false);
        String variant = text(attributes.path("variant_id"));
        Plan plan = plans.planFor(PaymentProvider.LEMONSQUEEZY, variant)
                .orElseThrow(() -> new WebhookNotApplicable("LemonSqueezy variant " + variant + " sells no plan"));
        Instant periodEnd = canceling || status == SubscriptionStatus.CANCELED
                ? Json.firstInstant(isoInstant(attributes.path("ends_at")), isoInstant(attributes.path("renews_at")))
                : isoInstant(attributes.path("renews_at"));
        ProviderSubscription report = new ProviderSubscription(
                PaymentProvider.LEMONSQUEEZY,
                id,
                customer,
                plan,
                plans.offer(plan).price(),
                status,
                periodEnd,
                canceling);
        Instant observedAt = isoInstant(attributes.path("updated_at"));
        return Translation.of(user, new SyncSubscription(user, report, observedAt, creation));
    }

    private Translation payment(String metadataUser, String id, JsonNode attributes, PaymentOutcome outcome) {
        UserId user = users.resolve(PaymentProvider.LEMONSQUEEZY, metadataUser, text(attributes.path("customer_id")));
        String currency = firstText(attributes.path("currency"));
        Money total = Json.money(attributes.path("total"), currency, "order total");
        String reason = String.valueOf(text(attributes.path("billing_reason")));
        Invoice invoice = new Invoice(
                PaymentProvider.LEMONSQUEEZY,
                id,
                null,
                text(attributes.path("subscription_id")),
                total,
                List.of(new InvoiceLine("Subscription (" + reason + ")", 1, total)),
                isoInstant(attributes.path("created_at")));
        Instant at = Json.firstInstant(isoInstant(attributes.path("updated_at")), invoice.issuedAt());
        return Translation.of(
                user,
                new RecordPayment(
                        user, invoice, outcome, outcome == PaymentOutcome.FAILED ? "payment failed" : null, at));
    }

    /**
     * An order is the checkout that started a subscription: it links the customer to the user. Its
     * money arrives as the subscription's first invoice ({@code subscription_payment_success}), so
     * counting the order too would count it twice.
     */
    private Translation orderCreated(String metadataUser, JsonNode attributes) {
        String customer = text(attributes.path("customer_id"));
        UserId user = users.resolve(PaymentProvider.LEMONSQUEEZY, metadataUser, customer);
        users.link(PaymentProvider.LEMONSQUEEZY, customer, user);
        return Translation.of(user);
    }

    private static byte[] hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
