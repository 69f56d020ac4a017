package com.flowmatik.api.payment;

/** How an attempt to collect an invoice ended. */
public enum PaymentOutcome {
    SUCCEEDED,
    FAILED
}
