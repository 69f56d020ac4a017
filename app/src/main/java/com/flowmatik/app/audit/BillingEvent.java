package com.flowmatik.app.audit;

import java.time.Instant;

/** One stored event: when it was recorded, its type, its aggregate and place there, and its facts. */
public record BillingEvent(Instant at, String type, String aggregateId, long sequence, Object data) {}
