package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.plan.Plan;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The subscription ended: the user is back on the free plan. {@code plan} is the plan that ended. */
@Revision("1")
public record SubscriptionCanceled(UserId userId, Plan plan, String reason, Instant canceledAt) {}
