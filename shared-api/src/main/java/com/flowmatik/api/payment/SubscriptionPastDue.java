package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A renewal payment failed; the plan holds while the provider retries. */
@Revision("1")
public record SubscriptionPastDue(UserId userId, Instant since) {}
