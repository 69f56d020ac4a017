package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The subscription will end with its current period, at {@code endsAt}; until then the plan holds. */
@Revision("1")
public record SubscriptionCancellationScheduled(UserId userId, Instant endsAt, Instant scheduledAt) {}
