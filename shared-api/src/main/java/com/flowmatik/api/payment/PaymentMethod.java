package com.flowmatik.api.payment;

/** A card on file at a provider: only what identifies it to its owner, never the number. */
public record PaymentMethod(
        PaymentProvider provider, String paymentMethodId, String brand, String last4, int expMonth, int expYear) {}
