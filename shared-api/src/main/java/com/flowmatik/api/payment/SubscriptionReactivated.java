package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A past-due subscription was paid and is active again. */
@Revision("1")
public record SubscriptionReactivated(UserId userId, Instant reactivatedAt) {}
