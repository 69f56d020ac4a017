package com.flowmatik.command.payment.checkout;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/payments/subscribe/{provider}}.
 *
 * @param plan starter, pro or business
 * @param paymentMethodId Stripe only: a payment method collected by Stripe.js; without it the
 *     answer is a hosted checkout page
 */
record SubscribeBody(
        @NotBlank @Size(max = 32) String plan,
        @Size(max = 255) String paymentMethodId) {}
