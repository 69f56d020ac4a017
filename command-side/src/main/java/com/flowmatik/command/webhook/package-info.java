/**
 * Webhook intake: a provider's delivery is verified on its raw body, recorded once as a
 * {@link com.flowmatik.command.webhook.WebhookDelivery} keyed by the provider's event id, translated
 * into payment commands, and marked processed, ignored or failed (retryable).
 */
package com.flowmatik.command.webhook;
