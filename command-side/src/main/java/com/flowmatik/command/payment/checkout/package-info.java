/**
 * Starting and canceling a paid plan at Stripe or LemonSqueezy: the checkout endpoints, the
 * gateways that call each provider, and the write side's table of each user's provider customer.
 * Nothing here starts or changes a subscription: the provider's webhook does, once the payment is
 * made; a checkout is held on the {@code Subscription} aggregate before a provider is asked.
 */
package com.flowmatik.command.payment.checkout;
