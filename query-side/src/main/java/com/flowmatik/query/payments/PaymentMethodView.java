package com.flowmatik.query.payments;

/**
 * A payment method as {@code GET /api/payments/payment-methods} shows it; {@code isDefault} marks the
 * most recently attached one still on file.
 */
record PaymentMethodView(
        String id, String provider, String brand, String last4, int expMonth, int expYear, boolean isDefault) {}
