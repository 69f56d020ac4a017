package com.flowmatik.command.webhook;

import static com.flowmatik.command.webhook.Json.epochSeconds;
import static com.flowmatik.command.webhook.Json.firstText;
import static com.flowmatik.command.webhook.Json.text;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.AttachPaymentMethod;
import com.flowmatik.api.payment.DetachPaymentMethod;
import com.flowmatik.api.payment.Invoice;
import com.flowmatik.api.payment.InvoiceLine;
import com.flowmatik.api.payment.PaymentMethod;
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
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Stripe's webhooks. The signature ({@code Stripe-Signature}) is checked by stripe-java on the raw
 * body with the configured tolerance; the event is read as plain JSON, so that the fields moved
 * between API versions (the period end now on the subscription item, the subscription of an
 * invoice now under {@code parent}) are found in either place.
 */
@Component
class StripeWebhooks implements ProviderWebhooks {

    static final String SIGNATURE_HEADER = "Stripe-Signature";

    private final PaymentProperties.Stripe settings;
    private final PlanCatalogue plans;
    private final KnownUsers users;
    private final Clock clock;

    StripeWebhooks(PaymentProperties properties, PlanCatalogue plans, KnownUsers users, Clock clock) {
        this.settings = properties.stripe();
        this.plans = plans;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.STRIPE;
    }

    @Override
    public VerifiedDelivery verify(byte[] rawBody, HttpHeaders headers) {
        String body = new String(rawBody, StandardCharsets.UTF_8);
        if (settings.webhookSecret() == null) {
            throw new PaymentProviderUnavailable(
                    PaymentProvider.STRIPE, "Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET)", null);
        }
        String signature = headers.getFirst(SIGNATURE_HEADER);
        if (signature == null || signature.isBlank()) {
            throw InvalidWebhook.because("The Stripe-Signature header is missing");
        }
        try {
            Webhook.Signature.verifyHeader(
                    body,
                    signature,
                    settings.webhookSecret(),
                    settings.webhookTolerance().toSeconds(),
                    clock);
        } catch (SignatureVerificationException refused) {
            throw InvalidWebhook.because("The Stripe signature does not verify: " + refused.getMessage());
        }
        refuseFutureTimestamp(signature);
        JsonNode event = Json.parse(body);
        String id = text(event.path("id"));
        String type = text(event.path("type"));
        if (id == null || type == null || !"event".equals(text(event.path("object")))) {
            throw InvalidWebhook.payload("The body is not a Stripe event");
        }
        return new VerifiedDelivery(WebhookDeliveryIds.of(PaymentProvider.STRIPE, id), type, body);
    }

    /**
     * Stripe's check refuses timestamps older than the tolerance only; one as far in the future is
     * no more a fresh delivery (a replay signed ahead of time, or a clock far off), so it is refused too.
     */
    private void refuseFutureTimestamp(String signature) {
        for (String element : signature.split(",")) {
            String[] pair = element.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                long signedAt;
                try {
                    signedAt = Long.parseLong(pair[1].trim());
                } catch (NumberFormatException notANumber) {
                    throw InvalidWebhook.because("The Stripe signature's timestamp is not a number");
                }
                long latest = clock.instant().getEpochSecond()
                        + settings.webhookTolerance().toSeconds();
                if (signedAt > latest) {
                    throw InvalidWebhook.because("The Stripe signature's timestamp is further in the future than "
                            + settings.webhookTolerance().toSeconds() + " s");
                }
            }
        }
    }

    @Override
    public Translation translate(String eventType, String payload) {
        JsonNode event = Json.parse(payload);
        JsonNode object = event.path("data").path("object");
        Instant occurredAt = epochSeconds(event.path("created"));
        return switch (eventType) {
            case "checkout.session.completed" -> checkoutCompleted(object);
            case "customer.subscription.created" -> subscription(object, occurredAt, true);
            case "customer.subscription.updated", "customer.subscription.deleted" ->
                subscription(object, occurredAt, false);
            case "invoice.paid" -> invoice(object, PaymentOutcome.SUCCEEDED, occurredAt);
            case "invoice.payment_failed" -> invoice(object, PaymentOutcome.FAILED, occurredAt);
            case "payment_method.attached" -> paymentMethodAttached(object, occurredAt);
            case "payment_method.detached" -> paymentMethodDetached(event, object, occurredAt);
            default -> Translation.ignored();
        };
    }

    /** The checkout names the customer and the user together: the link later events rely on. */
    private Translation checkoutCompleted(JsonNode session) {
        String customer = text(session.path("customer"));
        UserId user = users.resolve(
                PaymentProvider.STRIPE,
                firstText(session.path("metadata").path("user_id"), session.path("client_reference_id")),
                customer);
        users.link(PaymentProvider.STRIPE, customer, user);
        return Translation.of(user);
    }

    private Translation subscription(JsonNode subscription, Instant occurredAt, boolean creation) {
        String customer = text(subscription.path("customer"));
        UserId user = users.resolve(
                PaymentProvider.STRIPE, text(subscription.path("metadata").path("user_id")), customer);
        users.link(PaymentProvider.STRIPE, customer, user);
        SubscriptionStatus status = status(text(subscription.path("status")));
        if (status == null) {
            return new Translation(user, List.of(), true); // incomplete or paused: no paid plan (yet)
        }
        JsonNode item = subscription.path("items").path("data").path(0);
        String price = text(item.path("price").path("id"));
        Plan plan = plans.planFor(PaymentProvider.STRIPE, price)
                .orElseThrow(() -> new WebhookNotApplicable("Stripe price " + price + " sells no plan"));
        Instant periodEnd = epochSeconds(subscription.path("current_period_end"));
        if (periodEnd == null) {
            periodEnd = epochSeconds(item.path("current_period_end"));
        }
        ProviderSubscription report = new ProviderSubscription(
                PaymentProvider.STRIPE,
                text(subscription.path("id")),
                customer,
                plan,
                plans.offer(plan).price(),
                status,
                periodEnd,
                subscription.path("cancel_at_period_end").asBoolean(false));
        return Translation.of(user, new SyncSubscription(user, report, occurredAt, creation));
    }

    private static SubscriptionStatus status(String stripeStatus) {
        return switch (String.valueOf(stripeStatus)) {
            case "active", "trialing" -> SubscriptionStatus.ACTIVE;
            case "past_due", "unpaid" -> SubscriptionStatus.PAST_DUE;
            case "canceled", "incomplete_expired" -> SubscriptionStatus.CANCELED;
            default -> null;
        };
    }

    private Translation invoice(JsonNode invoice, PaymentOutcome outcome, Instant occurredAt) {
        JsonNode details = invoice.path("parent").path("subscription_details");
        String customer = text(invoice.path("customer"));
        UserId user = users.resolve(
                PaymentProvider.STRIPE,
                firstText(
                        details.path("metadata").path("user_id"),
                        invoice.path("subscription_details").path("metadata").path("user_id")),
                customer);
        String currency = text(invoice.path("currency"));
        List<InvoiceLine> lines = new ArrayList<>();
        for (JsonNode line : invoice.path("lines").path("data")) {
            lines.add(new InvoiceLine(
                    text(line.path("description")),
                    Json.longValue(line.path("quantity"), 1),
                    Json.money(line.path("amount"), currency, "invoice line")));
        }
        Invoice issued = new Invoice(
                PaymentProvider.STRIPE,
                text(invoice.path("id")),
                text(invoice.path("number")),
                firstText(details.path("subscription"), invoice.path("subscription")),
                Json.money(invoice.path("total"), currency, "invoice total"),
                lines,
                epochSeconds(invoice.path("created")));
        Instant at = outcome == PaymentOutcome.SUCCEEDED
                ? Json.firstInstant(
                        epochSeconds(invoice.path("status_transitions").path("paid_at")), occurredAt)
                : occurredAt;
        String reason = outcome == PaymentOutcome.FAILED
                ? "payment failed (attempt " + Json.longValue(invoice.path("attempt_count"), 1) + ")"
                : null;
        return Translation.of(user, new RecordPayment(user, issued, outcome, reason, at));
    }

    private Translation paymentMethodAttached(JsonNode method, Instant occurredAt) {
        UserId user = users.resolve(PaymentProvider.STRIPE, null, text(method.path("customer")));
        JsonNode card = method.path("card");
        PaymentMethod attached = new PaymentMethod(
                PaymentProvider.STRIPE,
                text(method.path("id")),
                firstText(card.path("display_brand"), card.path("brand"), method.path("type")),
                text(card.path("last4")),
                (int) Json.longValue(card.path("exp_month"), 0),
                (int) Json.longValue(card.path("exp_year"), 0));
        return Translation.of(user, new AttachPaymentMethod(user, attached, occurredAt));
    }

    /** A detached method no longer names its customer; the event's previous attributes do. */
    private Translation paymentMethodDetached(JsonNode event, JsonNode method, Instant occurredAt) {
        UserId user = users.resolve(
                PaymentProvider.STRIPE,
                null,
                text(event.path("data").path("previous_attributes").path("customer")));
        return Translation.of(
                user, new DetachPaymentMethod(user, PaymentProvider.STRIPE, text(method.path("id")), occurredAt));
    }
}
