package com.flowmatik.command.webhook;

import com.flowmatik.api.payment.PaymentProvider;
import org.springframework.http.HttpHeaders;

/** What webhook intake needs of one provider: to check a delivery's signature, and to understand it. */
interface ProviderWebhooks {

    PaymentProvider provider();

    /**
     * Checks the signature over the raw body and says which event the delivery is.
     *
     * @throws com.flowmatik.api.refusal.BusinessRuleViolation {@code INVALID_SIGNATURE} when the
     *     signature is missing or wrong or the body is not an event
     * @throws com.flowmatik.command.payment.checkout.PaymentProviderUnavailable when no signing secret
     *     is configured
     */
    VerifiedDelivery verify(byte[] body, HttpHeaders headers);

    /**
     * Turns a recorded delivery into the commands it implies.
     *
     * @throws WebhookNotApplicable when the delivery cannot be applied (yet): an unknown customer or
     *     user, a price that sells no plan
     */
    Translation translate(String eventType, String payload);

    /** A delivery whose signature verified, and its body as text (UTF-8). */
    record VerifiedDelivery(String deliveryId, String eventType, String payload) {}
}
