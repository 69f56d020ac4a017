package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The subscription entered a new paid period. */
@Revision("1")
public record SubscriptionRenewed(
        UserId userId, Instant previousPeriodEnd, Instant currentPeriodEnd, Instant renewedAt) {}
