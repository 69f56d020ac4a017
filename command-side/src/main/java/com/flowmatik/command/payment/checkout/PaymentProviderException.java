package com.flowmatik.command.payment.checkout;

import com.flowmatik.api.payment.PaymentProvider;

/**
 * A call to a payment provider that could not be made or did not succeed. The edge answers with a
 * problem that names the provider; nothing was recorded on the platform's side.
 */
public abstract sealed class PaymentProviderException extends RuntimeException
        permits PaymentProviderUnavailable, PaymentProviderFailed {

    private final PaymentProvider provider;

    PaymentProviderException(PaymentProvider provider, String message, Throwable cause) {
        super(message, cause);
        this.provider = provider;
    }

    public PaymentProvider provider() {
        return provider;
    }
}
