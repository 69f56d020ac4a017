/**
 * Paying for a plan: subscriptions kept by Stripe or LemonSqueezy, their invoices and payments, and
 * the payment methods on file. The provider's webhooks are the truth about payment; these messages
 * are what the platform makes of them.
 */
package com.flowmatik.api.payment;
