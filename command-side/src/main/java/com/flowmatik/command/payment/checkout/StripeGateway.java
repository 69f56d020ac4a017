package com.flowmatik.command.payment.checkout;

import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.command.payment.plans.PaymentProperties;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stripe through its own Java client, at the configured API base (a stand-in's in tests). Every call
 * that creates or changes something carries the idempotency key it is given, so that a retry of the
 * same attempt cannot create a second customer or subscription. The client itself never retries.
 */
@Component
class StripeGateway {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);

    private final StripeClient client;
    private final PaymentProperties properties;

    StripeGateway(PaymentProperties properties) {
        this.properties = properties;
        String key = properties.stripe().secretKey();
        this.client = key == null
                ? null
                : StripeClient.builder()
                        .setApiKey(key)
                        .setApiBase(properties.stripe().apiBase())
                        .setConnectTimeout((int) CONNECT_TIMEOUT.toMillis())
                        .setReadTimeout((int) READ_TIMEOUT.toMillis())
                        .setMaxNetworkRetries(0)
                        .build();
    }

    /** Refuses with 503 when {@code STRIPE_SECRET_KEY} is not set. */
    void requireConfigured() {
        client();
    }

    /** A new customer carrying the user id in its metadata; answers its id. */
    String createCustomer(Payer payer, String idempotencyKey) {
        CustomerCreateParams.Builder params = CustomerCreateParams.builder()
                .putMetadata(Payer.USER_ID, payer.userId().value());
        if (payer.email() != null) {
            params.setEmail(payer.email());
        }
        if (payer.name() != null) {
            params.setName(payer.name());
        }
        Customer customer = call(
                "create a customer",
                () -> client().v1().customers().create(params.build(), idempotent(idempotencyKey)));
        return customer.getId();
    }

    /** A hosted Checkout Session that subscribes the customer to one unit of the price, payable until {@code expiresAt}. */
    StartedCheckout startCheckout(
            String customerId, String priceId, Payer payer, Instant expiresAt, String idempotencyKey) {
        String userId = payer.userId().value();
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(customerId)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setPrice(priceId)
                        .setQuantity(1L)
                        .build())
                .setSuccessUrl(properties.successUrl())
                .setCancelUrl(properties.cancelUrl())
                .setClientReferenceId(userId)
                .setExpiresAt(expiresAt.getEpochSecond())
                .putMetadata(Payer.USER_ID, userId)
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata(Payer.USER_ID, userId)
                        .build())
                .build();
        Session session = call(
                "create a checkout session",
                () -> client().v1().checkout().sessions().create(params, idempotent(idempotencyKey)));
        return StartedCheckout.stripeSession(session.getUrl(), session.getId());
    }

    /**
     * Attaches the payment method to the customer and subscribes them with it as the default. The
     * subscription stays incomplete until the client confirms the first invoice's payment with the
     * answered secret.
     */
    StartedCheckout subscribe(
            String customerId, String priceId, String paymentMethodId, Payer payer, String idempotencyKeyPrefix) {
        PaymentMethodAttachParams attach =
                PaymentMethodAttachParams.builder().setCustomer(customerId).build();
        call(
                "attach the payment method",
                () -> client().v1()
                        .paymentMethods()
                        .attach(paymentMethodId, attach, idempotent(idempotencyKeyPrefix + "-attach")));
        SubscriptionCreateParams params = SubscriptionCreateParams.builder()
                .setCustomer(customerId)
                .addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(priceId)
                        .build())
                .setDefaultPaymentMethod(paymentMethodId)
                .putMetadata(Payer.USER_ID, payer.userId().value())
                .setPaymentBehavior(SubscriptionCreateParams.PaymentBehavior.DEFAULT_INCOMPLETE)
                .addExpand("latest_invoice.confirmation_secret")
                .build();
        Subscription subscription = call(
                "create a subscription",
                () -> client().v1().subscriptions().create(params, idempotent(idempotencyKeyPrefix + "-subscription")));
        Invoice invoice = subscription.getLatestInvoiceObject();
        String clientSecret = invoice == null || invoice.getConfirmationSecret() == null
                ? null
                : invoice.getConfirmationSecret().getClientSecret();
        return StartedCheckout.stripeSubscription(subscription.getId(), clientSecret);
    }

    /** Stripe keeps the subscription, and the plan, until the end of the paid period. */
    void cancelAtPeriodEnd(String subscriptionId, String idempotencyKey) {
        SubscriptionUpdateParams params =
                SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build();
        call(
                "cancel the subscription at period end",
                () -> client().v1().subscriptions().update(subscriptionId, params, idempotent(idempotencyKey)));
    }

    private StripeClient client() {
        if (client == null) {
            throw new PaymentProviderUnavailable(
                    PaymentProvider.STRIPE, "Stripe is not configured on this platform (STRIPE_SECRET_KEY)", null);
        }
        return client;
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    /** Stripe's failures as the platform's: unreachable is 503, anything else Stripe answered or broke is 502. */
    private static <T> T call(String what, StripeCall<T> call) {
        try {
            return call.run();
        } catch (PaymentProviderException notConfigured) {
            throw notConfigured;
        } catch (ApiConnectionException failure) {
            log.warn("Stripe did not answer to {}: {}", what, failure.getMessage());
            if (causedBy(failure, ConnectException.class)) {
                throw new PaymentProviderUnavailable(
                        PaymentProvider.STRIPE, "Stripe cannot be reached to " + what, failure);
            }
            throw new PaymentProviderFailed(
                    PaymentProvider.STRIPE, "Stripe did not answer in time to " + what, 0, failure);
        } catch (StripeException failure) {
            int status = failure.getStatusCode() == null ? 0 : failure.getStatusCode();
            // Stripe's own message stays in the log: it may quote the (masked) key or another customer's ids
            String reason = failure.getStripeError() == null
                    ? ""
                    : failure.getStripeError().getMessage();
            log.warn(
                    "Stripe refused to {}: {} {} {} (request {})",
                    what,
                    status,
                    failure.getCode(),
                    reason,
                    failure.getRequestId());
            throw new PaymentProviderFailed(
                    PaymentProvider.STRIPE, "Stripe answered " + status + " when asked to " + what, status, failure);
        } catch (RuntimeException unusable) {
            log.warn("Stripe's answer to {} could not be used: {}", what, unusable.toString());
            throw new PaymentProviderFailed(
                    PaymentProvider.STRIPE, "Stripe gave an unusable answer when asked to " + what, 0, unusable);
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
