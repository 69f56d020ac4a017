package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A scheduled cancellation was withdrawn: the subscription renews again. */
@Revision("1")
public record SubscriptionResumed(UserId userId, Instant resumedAt) {}
