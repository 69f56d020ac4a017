package com.flowmatik.api.webhook;

import com.flowmatik.api.payment.PaymentProvider;

/** A recorded delivery, as it must be processed (again). */
public record WebhookToProcess(String deliveryId, PaymentProvider provider, String eventType, String payload) {}
