/**
 * Webhook deliveries from the payment providers: each one recorded once, keyed by the provider's
 * event id, then processed into payment commands, with failures kept for a retry.
 */
package com.flowmatik.api.webhook;
