package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The provider reported the subscription unchanged at {@code observedAt}; older reports that arrive later are stale. */
@Revision("1")
public record SubscriptionStateConfirmed(UserId userId, Instant observedAt) {}
