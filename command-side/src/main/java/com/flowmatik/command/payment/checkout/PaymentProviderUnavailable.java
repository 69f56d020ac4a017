package com.flowmatik.command.payment.checkout;

import com.flowmatik.api.payment.PaymentProvider;

/**
 * The provider cannot take the call: its API key (or LemonSqueezy's store) is not configured, or it
 * cannot be reached. The edge answers 503 ({@code provider-unavailable}).
 */
public final class PaymentProviderUnavailable extends PaymentProviderException {

    public PaymentProviderUnavailable(PaymentProvider provider, String message, Throwable cause) {
        super(provider, message, cause);
    }
}
