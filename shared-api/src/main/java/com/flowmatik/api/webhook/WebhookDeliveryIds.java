package com.flowmatik.api.webhook;

import com.flowmatik.api.payment.PaymentProvider;

/**
 * A delivery's id is the provider's name and its event id ({@code stripe:evt_…}); LemonSqueezy sends
 * no event id, so its deliveries are keyed by the SHA-256 of the body. The prefix keeps the ids
 * unique across aggregate types.
 */
public final class WebhookDeliveryIds {

    private WebhookDeliveryIds() {}

    public static String of(PaymentProvider provider, String eventKey) {
        return provider.wireName() + ":" + eventKey;
    }
}
