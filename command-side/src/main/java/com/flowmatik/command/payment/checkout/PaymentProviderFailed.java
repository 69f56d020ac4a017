package com.flowmatik.command.payment.checkout;

import com.flowmatik.api.payment.PaymentProvider;

/**
 * The provider answered with an error, an answer that could not be used, or not within the read
 * timeout. The edge answers 502 ({@code provider-error}).
 */
public final class PaymentProviderFailed extends PaymentProviderException {

    private final int status;

    /**
     * @param status the provider's HTTP status, or 0 when there was none (a timeout, an unusable answer)
     */
    public PaymentProviderFailed(PaymentProvider provider, String message, int status, Throwable cause) {
        super(provider, message, cause);
        this.status = status;
    }

    /** The provider's HTTP status, or 0 when it gave none. */
    public int status() {
        return status;
    }
}
